package dev.medspa.notification.verification;

import java.time.Clock;
import java.util.UUID;

import dev.medspa.notification.compose.MessageComposer;
import dev.medspa.notification.mail.EmailSender;
import dev.medspa.support.Refusal;
import dev.medspa.support.links.EmailCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends a client the code for their address, at once and only to that address: whoever
 * asks learns nothing, since the answer is the same for every address and only the
 * address's reader sees the code.
 */
@Component
public class EmailCodeMail {

	private static final Logger log = LoggerFactory.getLogger(EmailCodeMail.class);

	private final EmailCodes codes;

	private final MessageComposer composer;

	private final EmailSender sender;

	private final Clock clock;

	EmailCodeMail(EmailCodes codes, MessageComposer composer, EmailSender sender, Clock clock) {
		this.codes = codes;
		this.composer = composer;
		this.sender = sender;
		this.clock = clock;
	}

	/**
	 * @throws Refusal 503 when the mail server cannot take it now; nothing is kept, the
	 * client asks again
	 */
	public void send(String email) {
		String reference = "email-code-" + UUID.randomUUID();
		try {
			this.sender.send(this.composer.emailCode(email, this.codes.code(email, this.clock.instant()),
					EmailCodes.WINDOW, reference));
		}
		catch (EmailSender.EmailRejected ex) {
			throw Refusal.unprocessable("email-rejected", "Address refused", "email",
					"Our mail server cannot deliver to this address. Please check it.");
		}
		catch (RuntimeException ex) {
			log.warn("An e-mail code ({}) could not be sent now: {}", reference, ex.toString());
			throw Refusal.unavailable("mail-unavailable",
					"We cannot send e-mail just now. Nothing was sent; please try again in a minute.");
		}
	}

}
