package dev.medspa.booking.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.medspa.booking.availability.BookingPolicy;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingStatus;
import dev.medspa.booking.reservation.Client;
import dev.medspa.booking.reservation.DayLists;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Issues, lists and revokes feeds, and writes what a feed's address answers: the bookings
 * of its practitioner (or of everyone) at its location from a week back to the booking
 * horizon, cancelled ones left out, each with the treatment, the room and the client's
 * first name only.
 * <p>
 * A poll costs one read by {@code _id} for the feed and then the location's (or the
 * practitioner's) day lists and their bookings, all by {@code _id}; what it wrote is kept
 * for {@code medspa.booking.feeds.cache-for} (a minute by default), so an app polling
 * several calendars at once, or many staff at the hour, costs one rendering. Revoking
 * takes effect at once: the token is looked up on every poll.
 */
@Service
public class CalendarFeedService {

	/** How far back a feed reaches: last week's appointments stay visible. */
	static final int DAYS_BACK = 7;

	/** Enough for every practitioner of a location and then some; keeps lists short. */
	static final int MAX_FEEDS_PER_LOCATION = 100;

	/** At most this much rendered feed text is kept in memory. */
	static final long CACHED_BYTES = 32L * 1024 * 1024;

	private final CalendarFeeds feeds;

	private final DayLists days;

	private final CatalogReadModel catalog;

	private final BookingPolicy policy;

	private final Clock clock;

	private final @Nullable Cache<String, Rendered> recent;

	CalendarFeedService(CalendarFeeds feeds, DayLists days, CatalogReadModel catalog, BookingPolicy policy, Clock clock,
			@Value("${medspa.booking.feeds.cache-for:PT1M}") Duration cacheFor) {
		this.feeds = feeds;
		this.days = days;
		this.catalog = catalog;
		this.policy = policy;
		this.clock = clock;
		this.recent = cacheFor.isZero() || cacheFor.isNegative() ? null
				: Caffeine.newBuilder()
					.expireAfterWrite(cacheFor)
					.maximumWeight(CACHED_BYTES)
					.<String, Rendered>weigher((feedId, rendered) -> rendered.bytes().length)
					.build();
	}

	/**
	 * A new feed of a practitioner of the location, or of the whole location.
	 * @param practitionerId null for every booking at the location
	 * @param issuedBy who asked for it
	 * @return the feed and its token, which is not kept and cannot be shown again
	 */
	public Issued issue(String locationId, @Nullable String practitionerId, String issuedBy) {
		CatalogLocation location = location(locationId);
		if (practitionerId != null) {
			CatalogPractitioner practitioner = this.catalog.practitioner(practitionerId)
				.orElseThrow(() -> Refusal.unprocessable("unknown-practitioner", "Unknown practitioner",
						"practitionerId", "No practitioner has the id " + practitionerId));
			if (!practitioner.active() || !practitioner.locations().contains(locationId)) {
				throw Refusal.unprocessable("not-at-location", "Does not work there", "practitionerId",
						practitioner.displayName() + " does not work at " + location.name());
			}
		}
		if (this.feeds.countAt(locationId) >= MAX_FEEDS_PER_LOCATION) {
			throw Refusal.conflict("too-many-feeds", "Too many feeds", null, location.name() + " has "
					+ MAX_FEEDS_PER_LOCATION + " calendar feeds already; revoke those no longer used first");
		}
		String token = FeedTokens.newToken();
		CalendarFeed feed = new CalendarFeed(FeedTokens.hashOf(token), FeedTokens.newId(), locationId, practitionerId,
				this.clock.instant(), issuedBy);
		this.feeds.add(feed);
		return new Issued(describe(feed, location), token);
	}

	/** The location's feeds, oldest first, without their tokens. */
	public List<Described> list(String locationId) {
		CatalogLocation location = location(locationId);
		return this.feeds.ofLocation(locationId).stream().map(feed -> describe(feed, location)).toList();
	}

	public Described one(String locationId, String feedId) {
		CatalogLocation location = location(locationId);
		return this.feeds.byId(locationId, feedId)
			.map(feed -> describe(feed, location))
			.orElseThrow(() -> noSuchFeed(feedId));
	}

	/** Ends a feed: its address answers 404 from now on. */
	public void revoke(String locationId, String feedId) {
		if (!this.feeds.remove(locationId, feedId)) {
			throw noSuchFeed(feedId);
		}
		if (this.recent != null) {
			this.recent.invalidate(feedId);
		}
	}

	/**
	 * What a feed's address answers. Unknown, malformed and revoked tokens are all the
	 * same 404; so is a feed of a practitioner who no longer works at its location.
	 */
	public Rendered read(String token) {
		if (!FeedTokens.wellFormed(token)) {
			throw gone();
		}
		CalendarFeed feed = this.feeds.byTokenHash(FeedTokens.hashOf(token)).orElseThrow(CalendarFeedService::gone);
		CatalogLocation location = this.catalog.location(feed.locationId()).orElseThrow(CalendarFeedService::gone);
		CatalogPractitioner practitioner = null;
		if (!feed.wholeLocation()) {
			practitioner = this.catalog.practitioner(feed.practitionerId())
				.filter(found -> found.active() && found.locations().contains(feed.locationId()))
				.orElseThrow(CalendarFeedService::gone);
		}
		CatalogPractitioner of = practitioner;
		if (this.recent == null) {
			return render(feed, location, of);
		}
		return this.recent.get(feed.feedId(), ignored -> render(feed, location, of));
	}

	private Rendered render(CalendarFeed feed, CatalogLocation location, @Nullable CatalogPractitioner practitioner) {
		ZoneId zone = location.zone();
		LocalDate today = this.clock.instant().atZone(zone).toLocalDate();
		LocalDate last = today.plusDays(this.policy.horizon().toDays());
		Map<String, String> names = new HashMap<>();
		List<StaffCalendar.Entry> entries = new ArrayList<>();
		for (LocalDate date = today.minusDays(DAYS_BACK); !date.isAfter(last); date = date.plusDays(1)) {
			bookingsOn(feed, date, zone).filter(booking -> booking.status() != BookingStatus.CANCELLED)
				.map(booking -> entry(booking, location, feed.wholeLocation(), names))
				.forEach(entries::add);
		}
		String name = practitioner == null ? location.name() + " — everyone"
				: practitioner.displayName() + " — " + location.name();
		String text = StaffCalendar.render(new StaffCalendar.Sheet(name, zone, entries));
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return new Rendered(bytes, digest(bytes));
	}

	/** The feed's bookings that start on a local day at its location, by start. */
	private Stream<Booking> bookingsOn(CalendarFeed feed, LocalDate date, ZoneId zone) {
		String practitionerId = feed.practitionerId();
		if (practitionerId == null) {
			return this.days.atLocation(feed.locationId(), date, zone).stream();
		}
		// the practitioner's own lists hold far fewer bookings than the location's
		return this.days.ofPractitioner(practitionerId, date, zone)
			.stream()
			.filter(booking -> booking.locationId().equals(feed.locationId()));
	}

	private StaffCalendar.Entry entry(Booking booking, CatalogLocation location, boolean wholeLocation,
			Map<String, String> names) {
		String treatment = names.computeIfAbsent("treatment:" + booking.treatmentId(),
				key -> this.catalog.treatment(booking.treatmentId())
					.map(CatalogTreatment::name)
					.orElse(booking.treatmentId()));
		String firstName = firstName(booking.client());
		List<String> notes = new ArrayList<>();
		if (wholeLocation) {
			notes.add("Practitioner: " + names.computeIfAbsent("practitioner:" + booking.practitionerId(),
					key -> this.catalog.practitioner(booking.practitionerId())
						.map(CatalogPractitioner::displayName)
						.orElse(booking.practitionerId())));
		}
		String status = switch (booking.status()) {
			case CHECKED_IN -> "Checked in";
			case COMPLETED -> "Completed";
			case NO_SHOW -> "No-show";
			case CONFIRMED, CANCELLED -> null;
		};
		if (status != null) {
			notes.add(status);
		}
		return new StaffCalendar.Entry(booking.id() + ".staff@medspa.dev", (int) Math.max(0, booking.version() - 1),
				booking.start(), booking.end(), firstName.isEmpty() ? treatment : treatment + " — " + firstName,
				location.name() + ", " + booking.roomId(), notes.isEmpty() ? null : String.join("\n", notes),
				lastChange(booking));
	}

	/**
	 * The client's first name only, as typed ("Ana" of "Ana Gomez", of "Gomez, Ana");
	 * nothing once their data was erased.
	 */
	static String firstName(Client client) {
		if (client.isErased()) {
			return "";
		}
		String name = client.name().strip();
		int comma = name.indexOf(',');
		if (comma >= 0 && comma < name.length() - 1) {
			name = name.substring(comma + 1).strip();
		}
		String[] words = name.split("\\s+");
		return words.length == 0 ? "" : words[0];
	}

	/**
	 * The latest time the booking records. A move keeps none of its own (it shows in
	 * SEQUENCE); a cancellation leaves the feed.
	 */
	private static Instant lastChange(Booking booking) {
		Instant latest = booking.createdAt();
		for (Instant at : new Instant[] { booking.checkedInAt(), booking.completedAt() }) {
			if (at != null && at.isAfter(latest)) {
				latest = at;
			}
		}
		return latest;
	}

	private Described describe(CalendarFeed feed, CatalogLocation location) {
		String practitionerId = feed.practitionerId();
		if (practitionerId == null) {
			return new Described(feed, null, "Every booking at " + location.name());
		}
		String name = this.catalog.practitioner(practitionerId)
			.map(CatalogPractitioner::displayName)
			.orElse(practitionerId);
		return new Described(feed, name, name + "'s bookings at " + location.name());
	}

	private CatalogLocation location(String locationId) {
		return this.catalog.location(locationId)
			.orElseThrow(() -> Refusal.notFound("Location", "No location has the id " + locationId));
	}

	private static Refusal noSuchFeed(String feedId) {
		return Refusal.notFound("Calendar feed", "This location has no calendar feed with the id " + feedId);
	}

	private static Refusal gone() {
		return Refusal.notFound("Calendar feed", "No calendar feed has this address; it may have been revoked");
	}

	private static String digest(byte[] bytes) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * @param token the capability in the feed's address
	 */
	public record Issued(Described described, String token) {
	}

	/**
	 * @param practitionerName the practitioner's name now, null for a whole location
	 * @param covers what the feed shows, in a few words
	 */
	public record Described(CalendarFeed feed, @Nullable String practitionerName, String covers) {
	}

	/**
	 * @param digest a hash of the bytes, for the ETag
	 */
	public record Rendered(byte[] bytes, String digest) {

		public String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

	}

}
