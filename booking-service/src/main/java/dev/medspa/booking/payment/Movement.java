package dev.medspa.booking.payment;

/**
 * What a ledger line moves, each at most once per booking: its idempotency key towards
 * the provider is {@code <booking>:<key suffix>}.
 */
public enum Movement {

	/** A card kept for later fees, without a deposit: moves no money. */
	CARD("card"),
	/** Charged at booking, before the booking is confirmed. */
	DEPOSIT("deposit"),
	/** The deposit (or what the fee left of it) back to the client. */
	DEPOSIT_REFUND("deposit-refund"),
	/**
	 * A client cancelled inside the window: the fee, less the deposit kept towards it.
	 */
	LATE_CANCEL_FEE("late-cancel-fee"),
	/** The client did not come: the fee, less the deposit kept towards it. */
	NO_SHOW_FEE("no-show-fee"),
	/** A waived fee's charge back to the client. */
	FEE_REFUND("fee-refund"),
	/** The part of the deposit a waived fee had kept, back to the client. */
	WAIVER_DEPOSIT_REFUND("waiver-deposit-refund");

	private final String suffix;

	Movement(String suffix) {
		this.suffix = suffix;
	}

	/** The idempotency key of this movement of a booking. */
	public String keyOf(String bookingId) {
		return bookingId + ":" + this.suffix;
	}

	boolean fee() {
		return this == LATE_CANCEL_FEE || this == NO_SHOW_FEE;
	}

	boolean refund() {
		return this == DEPOSIT_REFUND || this == FEE_REFUND || this == WAIVER_DEPOSIT_REFUND;
	}

	/**
	 * Made while the booking is made: settled for good only once the booking is stored.
	 */
	boolean atBooking() {
		return this == CARD || this == DEPOSIT;
	}

}
