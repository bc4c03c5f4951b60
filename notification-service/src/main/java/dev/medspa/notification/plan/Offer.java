package dev.medspa.notification.plan;

import java.time.Instant;

import dev.medspa.events.waitlist.WaitlistOffered;

/**
 * A freed slot held for a waiter, as an offer message tells it.
 *
 * @param offerId the offer; its one-click link is derived from it
 * @param locationId where the slot is
 * @param start when the slot starts
 * @param end when it ends
 * @param expiresAt when the hold lets go: an offer not sent by then is not sent at all
 */
public record Offer(String offerId, String locationId, Instant start, Instant end, Instant expiresAt) {

	static Offer of(WaitlistOffered event) {
		return new Offer(event.offerId(), event.locationId().value(), event.start(), event.end(), event.expiresAt());
	}

}
