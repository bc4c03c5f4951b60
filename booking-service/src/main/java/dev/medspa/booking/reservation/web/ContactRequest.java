package dev.medspa.booking.reservation.web;

import java.util.Objects;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.reservation.Client;
import org.jspecify.annotations.Nullable;

/**
 * The client as a request body gives them: a booking, a waitlist place, a whole course.
 * Fields are nullable so that a missing one is reported by validation with its name.
 *
 * @param phone digits with an optional leading +, spaces, dashes, dots or brackets
 * @param consentToSms whether the client agrees to text messages (an SMS reminder or
 * offer); absent means no. E-mail confirmations, reminders and aftercare need no consent.
 */
public record ContactRequest(
		@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*",
				message = "must not contain line breaks or other control characters") @Nullable String name,
		@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "must be an e-mail address such as ana@example.com") @Nullable String email,
		@NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ().-]{5,23}",
				message = "must be a phone number such as +1 925 555 0100") @Nullable String phone,
		@Nullable Boolean consentToSms) {

	/** The client, once validation has passed. */
	public Client toClient() {
		return Client.of(Objects.requireNonNull(this.name), Objects.requireNonNull(this.email),
				Objects.requireNonNull(this.phone), Boolean.TRUE.equals(this.consentToSms));
	}

}
