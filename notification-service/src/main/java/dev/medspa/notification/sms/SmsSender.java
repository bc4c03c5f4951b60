package dev.medspa.notification.sms;

import org.jspecify.annotations.Nullable;

/**
 * Sends one text message. The caller owns exactly-once delivery (the ledger), so an
 * implementation only has to tell a refusal for good from a failure worth retrying.
 */
public interface SmsSender {

	/**
	 * @throws SmsRejected when trying again cannot help; any other RuntimeException means
	 * try again later
	 */
	void send(Sms sms);

	/**
	 * @param id the message's stable identity (used as the provider's idempotency key)
	 * @param to the phone as the client gave it
	 * @param text never names a treatment
	 */
	record Sms(String id, String to, String text) {
	}

	/** The message or its number was refused for good. */
	class SmsRejected extends RuntimeException {

		public SmsRejected(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
