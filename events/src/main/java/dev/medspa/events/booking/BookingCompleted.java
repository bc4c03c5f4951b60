package dev.medspa.events.booking;

import java.time.Instant;

import dev.medspa.events.BookingId;
import dev.medspa.events.TreatmentId;

/**
 * The treatment was given. Aftercare is timed from {@code completedAt}: when it really
 * ended, as staff recorded it.
 */
public record BookingCompleted(BookingId bookingId, long bookingVersion, TreatmentId treatmentId,
		Instant completedAt) implements BookingEvent {
}
