package dev.medspa.events.booking;

import java.time.Instant;

import dev.medspa.events.BookingId;

/**
 * A booking was cancelled; nothing planned for it may be sent any more. The reason stays
 * in booking-service.
 *
 * @param byClient true when the client cancelled, false when staff did
 */
public record BookingCancelled(BookingId bookingId, long bookingVersion, boolean byClient,
		Instant cancelledAt) implements BookingEvent {
}
