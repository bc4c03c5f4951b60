package dev.medspa.events.booking;

import java.time.Instant;

import dev.medspa.events.BookingId;

/** The client arrived and was checked in. */
public record BookingCheckedIn(BookingId bookingId, long bookingVersion, Instant checkedInAt) implements BookingEvent {
}
