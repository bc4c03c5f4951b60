package dev.medspa.booking.series;

/** Where the booking of a whole course stands. */
public enum SeriesStatus {

	/** Holding each session's time. */
	HOLDING,

	/** Every time is held; turning the holds into bookings. */
	BOOKING,

	/** Every session is booked. */
	CONFIRMED,

	/** A session could not be had, or the booking was cut short: nothing of it stays. */
	FAILED

}
