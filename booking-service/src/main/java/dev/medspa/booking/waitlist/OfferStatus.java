package dev.medspa.booking.waitlist;

/** What became of one offer. */
public enum OfferStatus {

	/** Held for the waiter, who may still book it. */
	OPEN,

	/** The waiter booked it. */
	CLAIMED,

	/** It ran out unanswered. */
	EXPIRED,

	/** Another waiter of the same round booked it first. */
	TAKEN,

	/** The round ended otherwise (the slot went another way). */
	WITHDRAWN

}
