package dev.medspa.notification.mail;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Sends one e-mail; throws {@link EmailRejected} when trying again cannot help, and any
 * other exception when it might.
 */
public interface EmailSender {

	void send(Email email);

	/**
	 * @param to the recipient's address
	 * @param subject never names a treatment (privacy)
	 * @param text the plain-text body
	 * @param html the same in HTML
	 * @param calendars the iCalendar invites, if the message changes appointments: one,
	 * or one per session for a course booked in one go; none for other messages
	 * @param unsubscribeUrl for optional messages, offered to mail clients as a one-click
	 * unsubscribe
	 * @param reference the planned message's id, in a header, to trace a mail to the
	 * ledger
	 */
	record Email(String to, String subject, String text, String html, List<Attachment> calendars,
			@Nullable String unsubscribeUrl, String reference) {

		public Email {
			calendars = List.copyOf(calendars);
		}

		/** The first invite, or null if the message carries none. */
		public @Nullable Attachment calendar() {
			return this.calendars.isEmpty() ? null : this.calendars.get(0);
		}

	}

	record Attachment(String filename, String contentType, String content) {
	}

	/** The message or its address was refused for good. */
	class EmailRejected extends RuntimeException {

		public EmailRejected(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
