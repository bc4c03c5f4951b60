package dev.medspa.events.booking;

import java.time.Instant;

import dev.medspa.events.BookingId;

/**
 * The client's personal data was erased from this booking (at their request, or after the
 * retention period): every service drops what it holds about the client for it. The event
 * names the booking only.
 */
public record BookingClientErased(BookingId bookingId, long bookingVersion, Instant erasedAt) implements BookingEvent {
}
