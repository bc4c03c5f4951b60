package dev.medspa.booking.feed.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.feed.CalendarFeedService;
import dev.medspa.support.Refusal;
import dev.medspa.support.security.StaffClaims;
import dev.medspa.support.security.StaffRole;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managers of a location (and owners) hand its practitioners private calendar feeds of
 * their bookings, or take a feed of the whole location; practitioners have no sign-in of
 * their own. The security configuration admits only them ({@code ManagerRoutes}); the
 * check here repeats it, so a route left out there cannot open these.
 */
@RestController
@RequestMapping("/api/staff/locations/{location}/feeds")
class StaffFeedController {

	private final CalendarFeedService feeds;

	StaffFeedController(CalendarFeedService feeds) {
		this.feeds = feeds;
	}

	@Operation(summary = "Issue a calendar feed",
			description = "Issues a private iCalendar feed of one practitioner's bookings at the location, or of every "
					+ "booking there when no practitionerId is given. The answer carries the feed's address with its "
					+ "token this once; only a hash of the token is kept. A practitioner who is unknown or does not "
					+ "work at the location is refused with 422.")
	@PostMapping
	ResponseEntity<IssuedFeed> issue(@PathVariable String location,
			@Valid @RequestBody(required = false) @Nullable IssueRequest request, Authentication caller) {
		requireManager(caller, location);
		CalendarFeedService.Issued issued = this.feeds.issue(location,
				request == null ? null : request.practitionerId(), caller.getName());
		FeedView feed = FeedView.of(issued.described());
		return ResponseEntity.created(URI.create("/api/staff/locations/" + location + "/feeds/" + feed.id()))
			.body(new IssuedFeed(feed.id(), feed.locationId(), feed.practitionerId(), feed.practitionerName(),
					feed.covers(), feed.createdAt(), feed.createdBy(), "/feeds/" + issued.token() + ".ics"));
	}

	@Operation(summary = "List a location's calendar feeds",
			description = "The location's feeds, oldest first, with what each covers and who issued it; never their "
					+ "addresses, which were shown once when issued.")
	@GetMapping
	List<FeedView> list(@PathVariable String location, Authentication caller) {
		requireManager(caller, location);
		return this.feeds.list(location).stream().map(FeedView::of).toList();
	}

	@Operation(summary = "Read one calendar feed", description = "One feed of the location, without its address.")
	@GetMapping("/{id}")
	FeedView one(@PathVariable String location, @PathVariable String id, Authentication caller) {
		requireManager(caller, location);
		return FeedView.of(this.feeds.one(location, id));
	}

	@Operation(summary = "Revoke a calendar feed",
			description = "Ends the feed: its address answers 404 from now on, and calendars subscribed to it stop "
					+ "updating.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable String location, @PathVariable String id, Authentication caller) {
		requireManager(caller, location);
		this.feeds.revoke(location, id);
		return ResponseEntity.noContent().build();
	}

	private static void requireManager(Authentication caller, String location) {
		boolean manages = StaffClaims.hasRole(caller, StaffRole.OWNER)
				|| (StaffClaims.hasRole(caller, StaffRole.MANAGER) && StaffClaims.worksAt(caller, location));
		if (!manages) {
			throw Refusal.forbidden("Only managers of " + location + " and owners keep its calendar feeds");
		}
	}

	/**
	 * @param practitionerId whose bookings; leave out for every booking at the location
	 */
	record IssueRequest(@Size(min = 1, max = 100) @Nullable String practitionerId) {
	}

	/**
	 * A feed as staff see it.
	 *
	 * @param practitionerId null for a feed of the whole location
	 * @param covers what it shows, in a few words
	 */
	record FeedView(String id, String locationId, @Nullable String practitionerId, @Nullable String practitionerName,
			String covers, Instant createdAt, String createdBy) {

		static FeedView of(CalendarFeedService.Described described) {
			return new FeedView(described.feed().feedId(), described.feed().locationId(),
					described.feed().practitionerId(), described.practitionerName(), described.covers(),
					described.feed().createdAt(), described.feed().createdBy());
		}

	}

	/**
	 * A new feed with its address, shown this once.
	 *
	 * @param path the feed's address on the site, with its token: the gateway serves it
	 * as {@code webcal://<host>/feeds/<token>.ics}
	 */
	record IssuedFeed(String id, String locationId, @Nullable String practitionerId, @Nullable String practitionerName,
			String covers, Instant createdAt, String createdBy, String path) {
	}

}
