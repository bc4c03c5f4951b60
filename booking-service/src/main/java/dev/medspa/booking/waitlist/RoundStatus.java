package dev.medspa.booking.waitlist;

/** Where the offers of one freed slot stand. */
public enum RoundStatus {

	/** Looking for the next waiter(s), or waiting for the morning. */
	PENDING,

	/** Offered and held; waiting for an answer until the offers run out. */
	OPEN,

	/** A waiter booked it. */
	CLAIMED,

	/** Nobody (else) on the list wants it, or it is too close to offer. */
	EXHAUSTED,

	/** Someone booked it another way before it could be held. */
	TAKEN;

	boolean over() {
		return this == CLAIMED || this == EXHAUSTED || this == TAKEN;
	}

}
