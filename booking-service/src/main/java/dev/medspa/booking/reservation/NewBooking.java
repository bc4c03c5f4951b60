package dev.medspa.booking.reservation;

import java.time.OffsetDateTime;

/**
 * A client's request for a booking, already well formed.
 *
 * @param start when the client arrives, with the offset they were shown
 */
public record NewBooking(String treatmentId, String locationId, OffsetDateTime start, Client client) {
}
