package dev.medspa.events.waitlist;

/**
 * An event in the life of one place on a waitlist. {@link #entryVersion()} lets a
 * consumer tell an old event from a new one.
 */
public sealed interface WaitlistEvent permits WaitlistJoined, WaitlistOffered, WaitlistLeft {

	/** The place on the waitlist; its link is derived from this id. */
	String entryId();

	/** The place's version after the change this event records. */
	long entryVersion();

}
