package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medspa.booking.availability.BookingPolicy;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.claim.PractitionerDay.Engagement;
import dev.medspa.booking.claim.PractitionerDays;
import dev.medspa.booking.schedule.Schedule;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Finds the confirmed bookings a catalog change leaves without what they need (a room or
 * device taken out of service, a location closed or opening later, a practitioner who no
 * longer works there) and lists them as needing attention. The catalog cannot refuse such
 * a change, because bookings are not its to see; so nothing is refused and nothing is
 * silent.
 */
@Component
public class CatalogChanges {

	private final CatalogReadModel catalog;

	private final DaySheets daySheets;

	private final PractitionerDays practitionerDays;

	private final BookingService bookings;

	private final Attention attention;

	private final BookingPolicy policy;

	private final Clock clock;

	CatalogChanges(CatalogReadModel catalog, DaySheets daySheets, PractitionerDays practitionerDays,
			BookingService bookings, Attention attention, BookingPolicy policy, Clock clock) {
		this.catalog = catalog;
		this.daySheets = daySheets;
		this.practitionerDays = practitionerDays;
		this.bookings = bookings;
		this.attention = attention;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * After a location's new state was applied.
	 * @param before its state until then, if it was known
	 */
	public void locationChanged(@Nullable CatalogLocation before, String locationId) {
		Optional<CatalogLocation> found = this.catalog.location(locationId);
		if (found.isEmpty()) {
			return;
		}
		CatalogLocation location = found.get();
		if (before != null && before.active() == location.active() && before.rooms().equals(location.rooms())
				&& before.devices().equals(location.devices())
				&& before.openingHours().equals(location.openingHours())) {
			return;
		}
		for (Claim claim : futureBookingClaims(location)) {
			String reason = missing(location, claim);
			if (reason != null) {
				raise(claim.owner(), reason);
			}
		}
	}

	/**
	 * The confirmed bookings from now on that use any of the given rooms or devices of a
	 * location: what taking them out of service would affect.
	 */
	public List<AffectedBooking> using(String locationId, Collection<String> resources) {
		CatalogLocation location = this.catalog.location(locationId)
			.orElseThrow(() -> Refusal.notFound("Location", "No location has the id " + locationId));
		Map<String, AffectedBooking> found = new LinkedHashMap<>();
		for (Claim claim : futureBookingClaims(location)) {
			if (resources.contains(claim.roomId()) || claim.deviceIds().stream().anyMatch(resources::contains)) {
				this.bookings.confirmedHolding(claim.owner())
					.ifPresent(booking -> found.putIfAbsent(booking.id(), AffectedBooking.of(booking)));
			}
		}
		return List.copyOf(found.values());
	}

	/** The live booking claims of a location that start from now on, over the horizon. */
	private List<Claim> futureBookingClaims(CatalogLocation location) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, location.zone());
		List<Claim> claims = new ArrayList<>();
		for (LocalDate date = today; !date.isAfter(today.plusDays(this.policy.horizon().toDays() + 1)); date = date
			.plusDays(1)) {
			this.daySheets.load(location.id(), date)
				.live(now)
				.stream()
				.filter(claim -> claim.kind() == Claim.Kind.BOOKING && claim.start().isAfter(now))
				.forEach(claims::add);
		}
		return claims;
	}

	/**
	 * After a practitioner's new state was applied.
	 * @param before their state until then, if it was known
	 */
	public void practitionerChanged(@Nullable CatalogPractitioner before, String practitionerId) {
		Optional<CatalogPractitioner> practitioner = this.catalog.practitioner(practitionerId);
		if (practitioner.isEmpty() || (before != null && before.active() == practitioner.get().active()
				&& practitioner.get().locations().containsAll(before.locations()))) {
			return;
		}
		Instant now = this.clock.instant();
		for (Engagement engagement : this.practitionerDays.bookings(practitionerId, now,
				now.plus(this.policy.horizon()).plus(Duration.ofDays(1)))) {
			if (!practitioner.get().active()) {
				raise(engagement.owner(), practitioner.get().displayName() + " no longer takes bookings");
			}
			else if (!practitioner.get().locations().contains(engagement.locationId())) {
				raise(engagement.owner(),
						practitioner.get().displayName() + " no longer works at " + engagement.locationId());
			}
		}
	}

	/** What a booking's claim needs that the location no longer has, if anything. */
	private static @Nullable String missing(CatalogLocation location, Claim claim) {
		LocalDate date = claim.start().atZone(location.zone()).toLocalDate();
		if (!location.active()) {
			return location.name() + " is closed";
		}
		if (location.rooms().stream().noneMatch(room -> room.id().equals(claim.roomId()) && room.active())) {
			return "Room " + claim.roomId() + " is out of service";
		}
		for (String deviceId : claim.deviceIds()) {
			if (location.devices().stream().noneMatch(device -> device.id().equals(deviceId) && device.active())) {
				return "Device " + deviceId + " is out of service";
			}
		}
		List<CatalogLocation.OpeningHours> open = location.openOn(date);
		if (open != null) {
			List<Schedule.Range> ranges = open.stream()
				.map(hours -> new Schedule.Range(hours.opens(), hours.closes()))
				.toList();
			if (!Schedule.Range.cover(ranges, location.zone(), claim.start(), claim.end())) {
				return location.name() + " is no longer open then";
			}
		}
		return null;
	}

	private void raise(String owner, String reason) {
		this.bookings.confirmedHolding(owner).ifPresent(booking -> this.attention.raise(booking, reason));
	}

}
