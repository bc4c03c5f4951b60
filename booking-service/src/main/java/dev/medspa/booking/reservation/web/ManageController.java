package dev.medspa.booking.reservation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Manage link", description = "The client's own booking, through the link in their e-mail")
@RequestMapping("/api/manage/{token}")
class ManageController {

	private final BookingService bookings;

	private final ClientLimits limits;

	ManageController(BookingService bookings, ClientLimits limits) {
		this.bookings = bookings;
		this.limits = limits;
	}

	@Operation(summary = "Show the booking the link opens",
			description = "The key in the path is the client's only credential. A wrong, foreign or expired key answers 404 "
					+ "and says nothing more; too many such misses from one address answer 429 for a while.")
	@GetMapping
	BookingView view(@PathVariable String token, HttpServletRequest http) {
		return BookingView.of(opened(token, http));
	}

	/** Moves the booking; clients may do so until the cut-off before its start. */
	@Operation(summary = "Move the booking, as its client",
			description = "To `start` (with offset), optionally with `practitionerId`, until the online cut-off before the "
					+ "booking's start (409 `too-late` after it; call the clinic then). 409 `slot-taken` when the new "
					+ "start is not free; 429 after too many moves of one booking.")
	@PostMapping("/reschedule")
	BookingView reschedule(@PathVariable String token, @Valid @RequestBody BookingController.Move move,
			HttpServletRequest http) {
		Booking booking = opened(token, http);
		this.limits.move(booking.id());
		return BookingView.of(this.bookings.reschedule(booking.id(), BookingController.required(move.start()),
				move.practitionerId(), true));
	}

	/** Cancels the booking; clients may do so until the cut-off before its start. */
	@Operation(summary = "Cancel the booking, as its client",
			description = "Until the online cut-off before its start (409 `too-late` after it; call the clinic "
					+ "then). Answers the cancelled booking; the slot is free again.")
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
