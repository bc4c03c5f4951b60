package dev.medspa.booking.policy;

import java.time.Duration;

/**
 * The terms of one version of a cancellation policy. Amounts are integer minor units of
 * the currency (cents for USD).
 *
 * @param currency ISO 4217 code, the treatment's
 * @param deposit charged at booking, before the booking is confirmed; 0 for none
 * @param cardOnFile a payment method is kept for the fees even without a deposit
 * @param lateCancelWindow a client's cancellation this close to the start is late
 * @param lateCancelFee what a late cancellation costs; the deposit counts towards it
 * @param noShowFee what not coming costs; the deposit counts towards it
 */
public record PolicyTerms(String currency, long deposit, boolean cardOnFile, Duration lateCancelWindow,
		long lateCancelFee, long noShowFee) {

	/** Whether the client must give a payment method at booking. */
	public boolean needsPaymentMethod() {
		return this.deposit > 0 || this.cardOnFile;
	}

	/**
	 * Whether a client's cancellation at {@code now} of a booking that starts at
	 * {@code start} is late.
	 */
	public boolean late(java.time.Instant start, java.time.Instant now) {
		return !now.isBefore(start.minus(this.lateCancelWindow));
	}

}
