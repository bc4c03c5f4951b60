package dev.medspa.booking.waitlist;

/** Where a place on the waitlist stands. */
public enum EntryStatus {

	/** Waiting for a slot that suits. */
	WAITING,

	/** A slot is held for the waiter now. */
	OFFERED,

	/** Offers ran out unanswered too often; no more until the waiter comes back. */
	PAUSED,

	/** Booked through an offer: the place is done. */
	BOOKED,

	/** The waiter left. */
	LEFT,

	/** Its last day passed. */
	ENDED;

	/** Whether the place is over and will never be offered anything. */
	public boolean over() {
		return this == BOOKED || this == LEFT || this == ENDED;
	}

}
