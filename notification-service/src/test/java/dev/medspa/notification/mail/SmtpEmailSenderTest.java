package dev.medspa.notification.mail;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.notification.config.NotificationProperties;
import dev.medspa.notification.config.TestNotificationProperties;
import dev.medspa.notification.mail.EmailSender.Email;
import dev.medspa.notification.mail.EmailSender.EmailRejected;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * How answers of a mail server are read: which failures are for good, which may pass, and
 * which are no failure at all. The server's answers are stand-ins here: these are the
 * exceptions JavaMail and Spring raise for them.
 */
class SmtpEmailSenderTest {

	static final NotificationProperties PROPERTIES = TestNotificationProperties.DEFAULTS;

	static final Email EMAIL = new Email("ana@example.com", "Your appointment", "Hello", "<p>Hello</p>", List.of(),
			null, "b-1:confirmation:v1");

	@Test
	void aPermanentAnswerIsARefusalAndATemporaryOneIsNot() {
		assertThatExceptionOfType(EmailRejected.class).isThrownBy(
				() -> sender(failing(new SendFailedException("550 5.1.1 <ana@example.com>: no such user"))).send(EMAIL))
			.withMessageContaining("550 5.1.1");
		assertThatExceptionOfType(MailSendException.class)
			.isThrownBy(() -> sender(failing(new SendFailedException("421 4.3.2 try again later"))).send(EMAIL))
			.isNotInstanceOf(EmailRejected.class);
		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> sender(new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage... messages) {
				throw new MailSendException("Mail server connection failed",
						new MessagingException("Connection refused"));
			}
		}).send(EMAIL));
	}

	@Test
	void aConnectionThatFailsToCloseAfterTheMessageWentIsNoReasonToSendAgain() {
		SmtpEmailSender sender = sender(new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage... messages) {
				throw new MailSendException(SmtpEmailSender.CLOSE_FAILED, new MessagingException("QUIT timed out"));
			}
		});
		assertThatNoException().isThrownBy(() -> sender.send(EMAIL));
	}

	@Test
	void permanentCausesAreFoundDeepInTheChain() {
		MessagingException wrapper = new MessagingException("Invalid Addresses");
		wrapper.setNextException(new SendFailedException("554 5.7.1 relay denied"));
		assertThat(SmtpEmailSender.permanentCause(new RuntimeException(wrapper))).isNotNull();
		assertThat(SmtpEmailSender.permanentCause(new RuntimeException(new MessagingException("452 4.2.2 full"))))
			.isNull();
	}

	private static JavaMailSenderImpl failing(Exception cause) {
		return new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage... messages) {
				throw new MailSendException(Map.of(messages[0], cause));
			}
		};
	}

	private static SmtpEmailSender sender(JavaMailSenderImpl mail) {
		return new SmtpEmailSender(mail, PROPERTIES);
	}

}
