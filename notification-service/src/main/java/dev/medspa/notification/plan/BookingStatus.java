package dev.medspa.notification.plan;

/** The booking as this service last heard of it. */
public enum BookingStatus {

	CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW

}
