package dev.medspa.events.waitlist;

import java.time.Instant;

/**
 * A place on the waitlist ended: the waiter left it, booked through an offer, or its last
 * day passed. Nothing more is sent for it.
 *
 * @param reason {@code LEFT}, {@code BOOKED} or {@code ENDED}
 */
public record WaitlistLeft(String entryId, long entryVersion, String reason, Instant leftAt) implements WaitlistEvent {

}
