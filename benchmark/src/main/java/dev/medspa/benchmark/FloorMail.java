package dev.medspa.benchmark;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A plain mail sent straight to the SMTP server: what the pipeline's floors are made of.
 */
final class FloorMail {

	private FloorMail() {
	}

	/** Sends one mail and returns once the server accepted it. */
	static void send(Session smtp, String address, String subject, String text) {
		try {
			MimeMessage message = new MimeMessage(smtp);
			message.setFrom(new InternetAddress("floor@benchmark.example"));
			message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
			message.setSubject(subject);
			message.setText(text);
			Transport.send(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("A floor mail to " + address + " was not accepted", ex);
		}
	}

}
