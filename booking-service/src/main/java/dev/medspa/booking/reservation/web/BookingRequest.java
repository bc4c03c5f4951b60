package dev.medspa.booking.reservation.web;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
 * @param policyAcceptance the version of the cancellation policy the client was shown and
 * accepted (GET /api/policies), needed where the treatment has a policy
 * @param paymentMethod the payment provider's token of the client's card
 * ({@code pm_...}), obtained from the provider in the browser, needed where the policy
 * asks for a deposit or a card on file; never a card number
 * @param usePackage optional: {@code true} pays with a session of the client's prepaid
 * package for the treatment instead of a deposit (no card needed; the policy is still
 * accepted, and the e-mail code is asked for)
 */
record BookingRequest(@NotBlank @Size(max = 100) @Nullable String treatmentId,
		@NotBlank @Size(max = 100) @Nullable String locationId, @NotNull @Nullable OffsetDateTime start,
		@NotNull @Valid @Nullable ContactRequest client, @Size(max = 100) @Nullable String practitionerId,
		@Size(max = 200) @Nullable String holdId, @Size(max = 12) @Nullable String emailCode,
		@Valid PolicyConsent.@Nullable Acceptance policyAcceptance,
		@Size(max = 255) @Pattern(regexp = PolicyConsent.TOKEN) @Nullable String paymentMethod,
		@Nullable Boolean usePackage) {

	BookingRequest withoutCode() {
		return new BookingRequest(this.treatmentId, this.locationId, this.start, this.client, this.practitionerId,
				this.holdId, null, this.policyAcceptance, this.paymentMethod, this.usePackage);
	}

	NewBooking toNewBooking() {
		return NewBooking
			.byClient(java.util.Objects.requireNonNull(this.treatmentId),
					java.util.Objects.requireNonNull(this.locationId), java.util.Objects.requireNonNull(this.start),
					java.util.Objects.requireNonNull(this.client).toClient(), this.practitionerId, this.holdId,
					this.emailCode)
			.withPolicy(this.policyAcceptance == null ? null : this.policyAcceptance.version(), this.paymentMethod)
			.payingWithPackage(Boolean.TRUE.equals(this.usePackage));
	}

}
