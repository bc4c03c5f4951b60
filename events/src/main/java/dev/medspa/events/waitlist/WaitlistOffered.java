package dev.medspa.events.waitlist;

import java.time.Instant;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed.ClientContact;

/**
 * A freed slot is offered to a waiter and held for them until {@code expiresAt}; the
 * offer's link (derived from {@code offerId}) books it in one click. Made only outside
 * the location's quiet hours, so the time to answer never runs through the night.
 *
 * @param start when the slot starts, in UTC; shown in the location's zone
 * @param end when it ends
 * @param expiresAt when the hold lets go and the next waiter may get the slot
 */
public record WaitlistOffered(String entryId, long entryVersion, String offerId, TreatmentId treatmentId,
		LocationId locationId, Instant start, Instant end, Instant expiresAt, ClientContact client,
		Instant offeredAt) implements WaitlistEvent {

}
