package dev.medspa.booking.reservation.web;

import java.net.URI;

import jakarta.validation.Valid;

import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.support.Refusal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BookingController {

	private final BookingService bookings;

	BookingController(BookingService bookings) {
		this.bookings = bookings;
	}

	/** Books a treatment at a location; answers 201 with the confirmed booking. */
	@PostMapping("/api/bookings")
	ResponseEntity<BookingView> book(@Valid @RequestBody BookingRequest request) {
		Booking booking = this.bookings.book(request.toNewBooking());
		return ResponseEntity.created(URI.create("/api/staff/bookings/" + booking.id())).body(BookingView.of(booking));
	}

	/** One booking, for staff. */
	@GetMapping("/api/staff/bookings/{id}")
	BookingView byId(@PathVariable String id) {
		return this.bookings.find(id)
			.map(BookingView::of)
			.orElseThrow(() -> Refusal.notFound("Booking", "No booking has the id " + id));
	}

}
