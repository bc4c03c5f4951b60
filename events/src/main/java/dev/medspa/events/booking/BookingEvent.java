package dev.medspa.events.booking;

import dev.medspa.events.BookingId;

/**
 * An event in the life of one booking. The topic is keyed by booking id, so the events of
 * one booking arrive in order; {@link #bookingVersion()} lets a consumer tell an old
 * event from a new one all the same.
 */
public sealed interface BookingEvent permits BookingConfirmed, BookingRescheduled, BookingCancelled, BookingCheckedIn,
		BookingCompleted, BookingNoShow, BookingClientErased {

	BookingId bookingId();

	/** The booking's version after the change this event records. */
	long bookingVersion();

}
