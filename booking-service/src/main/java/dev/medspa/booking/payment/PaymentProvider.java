package dev.medspa.booking.payment;

import org.jspecify.annotations.Nullable;

/**
 * A card-token payment provider. Every call carries an idempotency key: a repeat with the
 * same key answers the first call's result and moves no money again, so a call may be
 * sent again whenever its answer was lost.
 */
public interface PaymentProvider {

	/**
	 * Checks and keeps a payment method for later charges to the customer, moving no
	 * money.
	 */
	Outcome keepCard(String idempotencyKey, String customer, String paymentMethod);

	/** Charges a kept payment method at once, without the client present. */
	Outcome charge(String idempotencyKey, String customer, String paymentMethod, long amount, String currency);

	/** Refunds (part of) an earlier charge. */
	Outcome refund(String idempotencyKey, String paymentId, long amount);

	enum Status {

		SUCCEEDED, REQUIRES_ACTION, FAILED

	}

	/**
	 * The provider's answer.
	 *
	 * @param id the provider's id of the payment, refund or set-up
	 * @param declineCode why it failed, in the provider's words ({@code card_declined},
	 * {@code insufficient_funds})
	 */
	record Outcome(Status status, @Nullable String id, @Nullable String declineCode, @Nullable String message) {

		public static Outcome succeeded(String id) {
			return new Outcome(Status.SUCCEEDED, id, null, null);
		}

		public static Outcome failed(@Nullable String id, String declineCode, String message) {
			return new Outcome(Status.FAILED, id, declineCode, message);
		}

	}

	/**
	 * The provider could not be reached or answered with a server error: nothing is
	 * known, and the same call may be sent again with the same key.
	 */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
