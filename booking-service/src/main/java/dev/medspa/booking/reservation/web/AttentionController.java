package dev.medspa.booking.reservation.web;

import java.time.Instant;
import java.util.List;

import dev.medspa.booking.reservation.Attention;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.NeedsAttention;
import dev.medspa.support.security.StaffClaims;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bookings a schedule or catalog change left without what they need, soonest first,
 * at the caller's locations; each leaves the list once staff move or cancel it.
 */
@RestController
class AttentionController {

	private final Attention attention;

	private final BookingService bookings;

	AttentionController(Attention attention, BookingService bookings) {
		this.attention = attention;
		this.bookings = bookings;
	}

	@GetMapping("/api/staff/attention")
	List<AttentionView> list(@RequestParam(required = false) @Nullable String location, Authentication caller) {
		if (location != null) {
			LocationScope.require(caller, location);
		}
		List<NeedsAttention> items = location != null ? this.attention.at(List.of(location)) : this.attention.all();
		return items.stream()
			.filter(item -> StaffClaims.worksAt(caller, item.locationId()))
			.flatMap(item -> this.bookings.find(item.id())
				.map(booking -> new AttentionView(item.reason(), item.raisedAt(), BookingView.of(booking)))
				.stream())
			.toList();
	}

	record AttentionView(String reason, Instant raisedAt, BookingView booking) {
	}

}
