package dev.medspa.booking.reservation.web;

import java.time.Instant;
import java.util.List;

import dev.medspa.booking.reservation.AffectedBooking;
import dev.medspa.booking.reservation.Attention;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.CatalogChanges;
import dev.medspa.booking.reservation.NeedsAttention;
import dev.medspa.support.security.StaffClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bookings a schedule or catalog change left without what they need, soonest first,
 * at the caller's locations; each leaves the list once staff move or cancel it. And,
 * before a change, the bookings it would affect.
 */
@RestController
@Tag(name = "Staff: attention", description = "Bookings that a change left without what they need")
class AttentionController {

	private final Attention attention;

	private final BookingService bookings;

	private final CatalogChanges changes;

	AttentionController(Attention attention, BookingService bookings, CatalogChanges changes) {
		this.attention = attention;
		this.bookings = bookings;
		this.changes = changes;
	}

	@Operation(summary = "List the bookings that need attention",
			description = "Bookings a schedule or catalog change left without a practitioner, room or device, soonest "
					+ "first, with the reason and when it was raised; at `location`, or at every location the caller "
					+ "works at. A booking leaves the list once staff move or cancel it.")
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

	/**
	 * The confirmed bookings from now on that use any of the named rooms or devices of a
	 * location: what a manager sees before taking them out of service.
	 */
	@Operation(summary = "List the bookings a change of rooms would affect",
			description = "The confirmed bookings from now on at `location` that use any of the named `resource`s (room or "
					+ "device ids; repeat the parameter): what a manager checks before taking them out of service.")
	@GetMapping("/api/staff/affected-bookings")
	List<AffectedBooking> affected(@RequestParam String location, @RequestParam List<String> resource,
			Authentication caller) {
		LocationScope.require(caller, location);
		return this.changes.using(location, resource);
	}

	record AttentionView(String reason, Instant raisedAt, BookingView booking) {
	}

}
