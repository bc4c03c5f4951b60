package dev.medspa.notification.plan;

/**
 * The booking as this service last heard of it; or, for the plan of a place on a
 * waitlist, {@code WAITING} while the place lasts and {@code LEFT} once it ended; for the
 * plan of a prepaid package's receipt, {@code PAID}.
 */
public enum BookingStatus {

	CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW, WAITING, LEFT, PAID

}
