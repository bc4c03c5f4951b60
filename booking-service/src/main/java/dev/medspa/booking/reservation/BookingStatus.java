package dev.medspa.booking.reservation;

/** Where a booking is in its life. */
public enum BookingStatus {

	CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW;

	/** Whether it still holds its practitioner and room. */
	public boolean holdsItsSlot() {
		return this == CONFIRMED || this == CHECKED_IN;
	}

}
