package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Duration;

import dev.medspa.support.Refusal;
import dev.medspa.support.limits.Limits;
import dev.medspa.support.links.EmailCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Before the rules read a client's history (a consultation done, sessions booked), the
 * client proves the e-mail address is theirs with the code sent to it. Without that,
 * whoever typed someone else's address would learn from the answer whether that person
 * had a consultation or when their next session is: health-related facts. The refusals
 * here depend on the address and code only, never on what the address has booked, and
 * come before anything is read about it.
 */
@Component
public class EmailProof {

	private final EmailCodes codes;

	private final Limits limits;

	private final Clock clock;

	private final int attemptsPerEmailPerHour;

	/**
	 * @param attemptsPerEmailPerHour codes tried for one address before it must wait,
	 * counted before the code is checked so that a lucky guess past the limit is refused
	 * too: a few tries an hour at one of a million codes gets nowhere; 0 turns it off
	 */
	EmailProof(EmailCodes codes, Limits limits, Clock clock,
			@Value("${medspa.limits.email-code-attempts-per-email-per-hour:10}") int attemptsPerEmailPerHour) {
		this.codes = codes;
		this.limits = limits;
		this.clock = clock;
		this.attemptsPerEmailPerHour = attemptsPerEmailPerHour;
	}

	/** Whether booking this treatment reads the client's history. */
	public static boolean needed(dev.medspa.booking.catalog.CatalogTreatment treatment) {
		return treatment.consultationTreatmentId() != null || treatment.seriesMinimumSpacing() != null;
	}

	/**
	 * @throws Refusal 422 {@code email-code-required} or {@code email-code-invalid}, 429
	 * after too many codes tried for the address
	 */
	public void require(Client client, @Nullable String code) {
		if (code == null || code.isBlank()) {
			throw Refusal.unprocessable("email-code-required", "E-mail code required", "emailCode",
					"This treatment depends on your earlier visits, which we look at only once we know the e-mail "
							+ "address is yours. Ask for a code (POST /api/email-codes with your e-mail) and send "
							+ "it as emailCode.");
		}
		this.limits.take("email-code-attempts-per-email", client.normalizedEmail(), this.attemptsPerEmailPerHour,
				Duration.ofHours(1), "codes tried for this e-mail address");
		if (!this.codes.matches(client.email(), code, this.clock.instant())) {
			throw Refusal.unprocessable("email-code-invalid", "Wrong or expired code", "emailCode",
					"This is not the code we sent to this e-mail address, or it has expired. Ask for a new one.");
		}
	}

}
