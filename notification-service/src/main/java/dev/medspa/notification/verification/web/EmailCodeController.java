package dev.medspa.notification.verification.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.medspa.notification.verification.EmailCodeMail;
import dev.medspa.support.limits.Limits;
import dev.medspa.support.links.EmailCodes;
import dev.medspa.support.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/email-codes}: e-mails a six-digit code to the address given, which the
 * client then sends with a booking that the clinic's rules decide from their history. The
 * answer is the same whoever the address belongs to.
 */
@RestController
@Tag(name = "E-mail codes", description = "Proving that a client reads their e-mail")
class EmailCodeController {

	private final EmailCodeMail mail;

	private final Limits limits;

	private final int perAddressPerHour;

	private final int perEmailPerHour;

	/**
	 * @param perAddressPerHour codes asked for from one client address (mail bombing from
	 * one place); 0 turns the limit off
	 * @param perEmailPerHour codes sent to one e-mail address (mail bombing one person)
	 */
	EmailCodeController(EmailCodeMail mail, Limits limits,
			@Value("${medspa.limits.email-codes-per-address-per-hour:10}") int perAddressPerHour,
			@Value("${medspa.limits.email-codes-per-email-per-hour:5}") int perEmailPerHour) {
		this.mail = mail;
		this.limits = limits;
		this.perAddressPerHour = perAddressPerHour;
		this.perEmailPerHour = perEmailPerHour;
	}

	@Operation(summary = "Send a six-digit code to an e-mail address",
			description = "The client then sends the code with a booking whose rules read their history, or reads it to an "
					+ "owner who exports or erases their data. Answers 202 with `validForMinutes`, the same whoever the "
					+ "address belongs to. 429 when one address asks too often, or one e-mail address gets too many codes "
					+ "in an hour; 503 `mail-unavailable` when the mail server cannot be reached (nothing was sent; ask "
					+ "again later).")
	@PostMapping("/api/email-codes")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Sent send(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
		String email = java.util.Objects.requireNonNull(request.email()).strip();
		this.limits.take("email-codes-per-address", ClientAddress.of(http), this.perAddressPerHour, Duration.ofHours(1),
				"codes asked for from your address");
		this.limits.take("email-codes-per-email", email.toLowerCase(java.util.Locale.ROOT), this.perEmailPerHour,
				Duration.ofHours(1), "codes sent to this e-mail address");
		this.mail.send(email);
		return new Sent(EmailCodes.WINDOW.toMinutes());
	}

	record CodeRequest(@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
			message = "must be an e-mail address such as ana@example.com") @Nullable String email) {
	}

	/**
	 * @param validForMinutes at least this long; a code also works in the next window
	 */
	record Sent(long validForMinutes) {
	}

}
