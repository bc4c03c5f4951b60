package dev.medspa.notification.mail;

/** Sends one e-mail; throws {@link EmailRejected} when trying again cannot help. */
public interface EmailSender {

	void send(Email email);

	/**
	 * @param to the recipient's address
	 * @param subject never names a treatment (privacy)
	 * @param text the plain-text body
	 */
	record Email(String to, String subject, String text) {
	}

	/** The message or its address was refused for good. */
	class EmailRejected extends RuntimeException {

		public EmailRejected(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
