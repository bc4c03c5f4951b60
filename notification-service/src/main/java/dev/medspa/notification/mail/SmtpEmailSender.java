package dev.medspa.notification.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.notification.config.NotificationProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP: plain text and HTML alternatives, and each calendar invite as an
 * attachment of its own. A refused address or a permanent (5xx) answer from the server is
 * {@link EmailRejected}; a connection failure or a temporary (4xx) answer propagates as
 * it is, so the caller tries again later.
 */
@Component
class SmtpEmailSender implements EmailSender {

	/** A permanent SMTP reply, as JavaMail puts it at the start of its messages. */
	private static final Pattern PERMANENT_REPLY = Pattern.compile("^\\s*5\\d\\d[ -].*", Pattern.DOTALL);

	static final String REFERENCE_HEADER = "X-Medspa-Message";

	/** How Spring's JavaMailSenderImpl reports a failed QUIT after the message went. */
	static final String CLOSE_FAILED = "Failed to close server connection after message sending";

	private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);

	private final JavaMailSender mail;

	private final NotificationProperties properties;

	SmtpEmailSender(JavaMailSender mail, NotificationProperties properties) {
		this.mail = mail;
		this.properties = properties;
	}

	@Override
	public void send(Email email) {
		MimeMessage message = this.mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.from(), this.properties.clinicName());
			helper.setTo(email.to());
			helper.setSubject(email.subject());
			helper.setText(email.text(), email.html());
			for (EmailSender.Attachment calendar : email.calendars()) {
				helper.addAttachment(calendar.filename(),
						new ByteArrayResource(calendar.content().getBytes(StandardCharsets.UTF_8)),
						calendar.contentType());
			}
			message.setHeader(REFERENCE_HEADER, email.reference());
			// the same message keeps its Message-ID on every attempt: if a sender dies
			// after
			// the server took it and before that was recorded, the one that takes over
			// sends
			// it again under the same identity, which mail clients show once
			message.setHeader("Message-ID", messageId(email.reference()));
			if (email.unsubscribeUrl() != null) {
				message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new EmailRejected("Cannot build a message to " + email.to() + ": " + ex.getMessage(), ex);
		}
		try {
			this.mail.send(message);
		}
		catch (MailParseException | MailPreparationException ex) {
			throw new EmailRejected("Message to " + email.to() + " refused: " + ex.getMessage(), ex);
		}
		catch (MailSendException ex) {
			if (ex.getFailedMessages().isEmpty() && String.valueOf(ex.getMessage()).startsWith(CLOSE_FAILED)) {
				// the server took the message; only saying goodbye failed, so sending
				// again
				// would deliver it twice
				log.warn("Mail {} was accepted, but the connection did not close cleanly: {}", email.reference(),
						ex.getMessage());
				return;
			}
			throw classified(ex);
		}
		catch (MailException ex) {
			throw classified(ex);
		}
	}

	/** A Message-ID made from the message's own id, the same on every attempt. */
	static String messageId(String reference) {
		return "<" + reference.replaceAll("[^A-Za-z0-9.-]", ".") + "@medspa.dev>";
	}

	private static RuntimeException classified(MailException ex) {
		Throwable permanent = permanentCause(ex);
		if (permanent != null) {
			return new EmailRejected("Refused by the mail server: " + permanent.getMessage(), ex);
		}
		return ex;
	}

	/** The first cause that says trying again cannot help, if any. */
	static @Nullable Throwable permanentCause(Throwable failure) {
		Set<Throwable> seen = new HashSet<>();
		Throwable current = failure;
		while (current != null && seen.add(current)) {
			if (current instanceof AddressException) {
				return current;
			}
			if (current.getMessage() != null && PERMANENT_REPLY.matcher(current.getMessage()).matches()) {
				return current;
			}
			if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
				Throwable next = permanentCause(messaging.getNextException());
				if (next != null) {
					return next;
				}
			}
			if (current instanceof MailSendException send) {
				for (Exception each : send.getFailedMessages().values()) {
					Throwable found = permanentCause(each);
					if (found != null) {
						return found;
					}
				}
			}
			current = current.getCause();
		}
		return null;
	}

}
