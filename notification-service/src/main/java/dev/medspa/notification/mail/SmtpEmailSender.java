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

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP: plain text and HTML alternatives, and the calendar invite as an
 * attachment. A refused address or a permanent (5xx) answer from the server is
 * {@link EmailRejected}; a connection failure or a temporary (4xx) answer propagates as
 * it is, so the caller tries again later.
 */
@Component
class SmtpEmailSender implements EmailSender {

	/** A permanent SMTP reply, as JavaMail puts it at the start of its messages. */
	private static final Pattern PERMANENT_REPLY = Pattern.compile("^\\s*5\\d\\d[ -].*", Pattern.DOTALL);

	static final String REFERENCE_HEADER = "X-Medspa-Message";

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
			if (email.calendar() != null) {
				helper.addAttachment(email.calendar().filename(),
						new ByteArrayResource(email.calendar().content().getBytes(StandardCharsets.UTF_8)),
						email.calendar().contentType());
			}
			message.setHeader(REFERENCE_HEADER, email.reference());
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
		catch (MailException ex) {
			Throwable permanent = permanentCause(ex);
			if (permanent != null) {
				throw new EmailRejected("Refused by the mail server: " + permanent.getMessage(), ex);
			}
			throw ex;
		}
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
			if (current instanceof org.springframework.mail.MailSendException send) {
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
