package dev.medspa.booking.reservation;

/** Where a booking is in its life. */
public enum BookingStatus {

	CONFIRMED

}
