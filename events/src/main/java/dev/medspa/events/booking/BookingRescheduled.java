package dev.medspa.events.booking;

import java.time.Instant;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;

/**
 * A booking moved to another time (and perhaps practitioner); messages planned for the
 * old time move with it.
 *
 * @param previousStart where it was
 * @param start where it is now, in UTC
 * @param end when the treatment is now expected to end, in UTC
 */
public record BookingRescheduled(BookingId bookingId, long bookingVersion, LocationId locationId,
		PractitionerId practitionerId, Instant previousStart, Instant start, Instant end,
		Instant rescheduledAt) implements BookingEvent {
}
