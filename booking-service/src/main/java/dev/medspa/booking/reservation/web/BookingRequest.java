package dev.medspa.booking.reservation.web;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.reservation.Client;
import dev.medspa.booking.reservation.NewBooking;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/bookings}. Fields are nullable here so that a missing one
 * is reported by validation with its name, not by the JSON reader.
 *
 * @param start when the client arrives, as an ISO date-time with offset, for example
 * {@code 2026-12-01T10:00:00-08:00}
 * @param practitionerId optional: a practitioner the client chose
 * @param holdId optional: the hold taken for this start (POST /api/holds)
 * @param emailCode the six-digit code e-mailed to the client (POST /api/email-codes),
 * needed for treatments whose rules read the client's past visits
 */
record BookingRequest(@NotBlank @Size(max = 100) @Nullable String treatmentId,
		@NotBlank @Size(max = 100) @Nullable String locationId, @NotNull @Nullable OffsetDateTime start,
		@NotNull @Valid @Nullable ClientRequest client, @Size(max = 100) @Nullable String practitionerId,
		@Size(max = 200) @Nullable String holdId, @Size(max = 12) @Nullable String emailCode) {

	BookingRequest withoutCode() {
		return new BookingRequest(this.treatmentId, this.locationId, this.start, this.client, this.practitionerId,
				this.holdId, null);
	}

	NewBooking toNewBooking() {
		ClientRequest c = java.util.Objects.requireNonNull(this.client);
		return NewBooking.byClient(java.util.Objects.requireNonNull(this.treatmentId),
				java.util.Objects.requireNonNull(this.locationId), java.util.Objects.requireNonNull(this.start),
				Client.of(java.util.Objects.requireNonNull(c.name()), java.util.Objects.requireNonNull(c.email()),
						java.util.Objects.requireNonNull(c.phone()), Boolean.TRUE.equals(c.consentToSms())),
				this.practitionerId, this.holdId, this.emailCode);
	}

	/**
	 * @param phone digits with an optional leading +, spaces, dashes, dots or brackets
	 * @param consentToSms whether the client agrees to text messages (an SMS reminder);
	 * absent means no. E-mail confirmations, reminders and aftercare need no consent.
	 */
	record ClientRequest(
			@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*",
					message = "must not contain line breaks or other control characters") @Nullable String name,
			@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
					message = "must be an e-mail address such as ana@example.com") @Nullable String email,
			@NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ().-]{5,23}",
					message = "must be a phone number such as +1 925 555 0100") @Nullable String phone,
			@Nullable Boolean consentToSms) {
	}

}
