package dev.medspa.notification.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.notification.config.NotificationProperties;

import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP. Connection and server errors propagate, so the caller retries them
 * later.
 */
@Component
class SmtpEmailSender implements EmailSender {

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
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.from(), this.properties.clinicName());
			helper.setTo(email.to());
			helper.setSubject(email.subject());
			helper.setText(email.text(), false);
		}
		catch (MessagingException | java.io.UnsupportedEncodingException ex) {
			throw new EmailRejected("Cannot build a message to " + email.to(), ex);
		}
		try {
			this.mail.send(message);
		}
		catch (MailParseException | MailPreparationException ex) {
			throw new EmailRejected("Message to " + email.to() + " refused", ex);
		}
	}

}
