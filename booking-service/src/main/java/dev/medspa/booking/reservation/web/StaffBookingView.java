package dev.medspa.booking.reservation.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.medspa.booking.reservation.Booking;
import org.jspecify.annotations.Nullable;

/**
 * A booking as staff read it: the booking, and where its intake and consent forms stand.
 *
 * @param intakeStatus {@code DUE}, {@code COMPLETE}, {@code NEEDS_REVIEW},
 * {@code CLEARED} or {@code DECLINED}, as intake-service last told; null when it has told
 * nothing of this booking (its treatment needs no forms, or not yet)
 */
public record StaffBookingView(@JsonUnwrapped BookingView booking, @Nullable String intakeStatus) {

	static StaffBookingView of(Booking booking, @Nullable String intakeStatus) {
		return new StaffBookingView(BookingView.of(booking), intakeStatus);
	}

	/** The bookings, each with its intake status from those read by id. */
	static List<StaffBookingView> of(List<Booking> bookings, Map<String, String> intakeStatuses) {
		return bookings.stream().map(booking -> of(booking, intakeStatuses.get(booking.id()))).toList();
	}

}
