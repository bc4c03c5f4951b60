package dev.medspa.booking.reservation;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A client's request for a booking, already well formed.
 *
 * @param start when the client arrives, with the offset they were shown
 * @param practitionerId the practitioner the client chose, or null for whoever is free
 * @param holdId a hold taken for this start, which the booking takes over
 * @param eligibilityOverride staff's reason to book past the eligibility rules; never
 * from a client
 */
public record NewBooking(String treatmentId, String locationId, OffsetDateTime start, Client client,
		@Nullable String practitionerId, @Nullable String holdId, @Nullable String eligibilityOverride) {

	/**
	 * The same request, booked by staff past the eligibility rules for the given reason.
	 */
	public NewBooking withOverride(String reason) {
		return new NewBooking(this.treatmentId, this.locationId, this.start, this.client, this.practitionerId,
				this.holdId, reason);
	}

}
