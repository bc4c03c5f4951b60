package dev.medspa.booking.reservation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.support.Refusal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client's own view of a booking, through the link in their confirmation; no account.
 * A wrong, foreign or expired key answers 404 and says nothing more.
 */
@RestController
@RequestMapping("/api/manage/{token}")
class ManageController {

	private final BookingService bookings;

	private final ClientLimits limits;

	ManageController(BookingService bookings, ClientLimits limits) {
		this.bookings = bookings;
		this.limits = limits;
	}

	@GetMapping
	BookingView view(@PathVariable String token, HttpServletRequest http) {
		return BookingView.of(opened(token, http));
	}

	/** Moves the booking; clients may do so until the cut-off before its start. */
	@PostMapping("/reschedule")
	BookingView reschedule(@PathVariable String token, @Valid @RequestBody BookingController.Move move,
			HttpServletRequest http) {
		Booking booking = opened(token, http);
		this.limits.move(booking.id());
		return BookingView.of(this.bookings.reschedule(booking.id(), BookingController.required(move.start()),
				move.practitionerId(), true));
	}

	/** Cancels the booking; clients may do so until the cut-off before its start. */
	@PostMapping("/cancel")
	BookingView cancel(@PathVariable String token, HttpServletRequest http) {
		Booking booking = opened(token, http);
		return BookingView.of(this.bookings.cancel(booking.id(), true, null));
	}

	/** The booking a link opens; a link that opens nothing counts against its address. */
	private Booking opened(String token, HttpServletRequest http) {
		return this.bookings.byManageToken(token).orElseThrow(() -> {
			this.limits.manageMiss(http);
			return Refusal.notFound("Booking", "This link does not open a booking");
		});
	}

}
