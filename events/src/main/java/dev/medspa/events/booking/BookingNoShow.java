package dev.medspa.events.booking;

import java.time.Instant;

import dev.medspa.events.BookingId;

/** The client did not come. */
public record BookingNoShow(BookingId bookingId, long bookingVersion, Instant recordedAt) implements BookingEvent {
}
