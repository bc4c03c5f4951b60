package dev.medspa.booking.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.ClaimPolicy;
import dev.medspa.support.Refusal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Keeps practitioners' schedules; every change is checked and applied by compare-and-set
 * on its version.
 */
@Repository
public class Schedules {

	/**
	 * How far ahead hours at two locations are compared: a year sees both DST seasons.
	 */
	private static final int DAYS_COMPARED = 370;

	private final MongoTemplate mongo;

	private final CatalogReadModel catalog;

	private final ClaimPolicy claims;

	private final Clock clock;

	private final Cache<String, Optional<Schedule>> recent;

	Schedules(MongoTemplate mongo, CatalogReadModel catalog, ClaimPolicy claims, Clock clock,
			@Value("${medspa.booking.catalog-cache-for:PT2S}") Duration cacheFor) {
		this.recent = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(10_000).build();
		this.mongo = mongo;
		this.catalog = catalog;
		this.claims = claims;
		this.clock = clock;
	}

	/**
	 * Stores a first schedule unchecked, unless the practitioner has one: for loading
	 * data known to be valid.
	 * @return whether it was added
	 */
	public boolean addIfAbsent(Schedule schedule) {
		try {
			this.mongo.insert(schedule);
			this.recent.invalidate(schedule.practitionerId());
			return true;
		}
		catch (DuplicateKeyException exists) {
			return false;
		}
	}

	/** The practitioner's schedule as stored now. */
	public Optional<Schedule> find(String practitionerId) {
		return Optional.ofNullable(this.mongo.findById(practitionerId, Schedule.class));
	}

	/**
	 * The schedule as read at most {@code medspa.booking.catalog-cache-for} ago (or
	 * changed by this instance since): for offering times. A booking checks the stored
	 * one again after it has claimed its slot ({@link #find}).
	 */
	public Optional<Schedule> recent(String practitionerId) {
		return this.recent.get(practitionerId, this::find);
	}

	/**
	 * Replaces a practitioner's schedule.
	 * @param expectedVersion the version the change was made from; 0 for a practitioner
	 * without a schedule yet; empty to replace whatever is there
	 */
	public Schedule replace(String practitionerId, OptionalLong expectedVersion, List<Schedule.WeeklyHours> weekly,
			List<Schedule.Exception> exceptions) {
		return replace(practitionerId, expectedVersion, weekly, exceptions, proposed -> {
		});
	}

	/**
	 * Replaces a practitioner's schedule as
	 * {@link #replace(String, OptionalLong, List, List)} does, once {@code approve} has
	 * accepted the valid proposal.
	 * @param approve sees the proposed schedule after it is validated and before it is
	 * written; refuses by throwing
	 */
	public Schedule replace(String practitionerId, OptionalLong expectedVersion, List<Schedule.WeeklyHours> weekly,
			List<Schedule.Exception> exceptions, Consumer<Schedule> approve) {
		validate(practitionerId, weekly, exceptions);
		approve.accept(new Schedule(practitionerId, weekly, exceptions, 0));
		this.recent.invalidate(practitionerId);
		Optional<Schedule> current = find(practitionerId);
		long currentVersion = current.map(Schedule::version).orElse(0L);
		if (expectedVersion.isPresent() && expectedVersion.getAsLong() != currentVersion) {
			throw Refusal.stale("The schedule of " + practitionerId, currentVersion);
		}
		Schedule next = new Schedule(practitionerId, weekly, exceptions, currentVersion + 1);
		if (current.isEmpty()) {
			try {
				Schedule inserted = this.mongo.insert(next);
				this.recent.invalidate(practitionerId);
				return inserted;
			}
			catch (DuplicateKeyException ex) {
				throw Refusal.stale("The schedule of " + practitionerId, 1);
			}
		}
		Schedule replaced = this.mongo.findAndReplace(
				Query.query(Criteria.where("_id").is(practitionerId).and("version").is(currentVersion)), next,
				FindAndReplaceOptions.options());
		if (replaced == null) {
			throw Refusal.stale("The schedule of " + practitionerId,
					find(practitionerId).map(Schedule::version).orElse(0L));
		}
		this.recent.invalidate(practitionerId);
		return next;
	}

	/**
	 * Refuses a schedule that names locations the practitioner does not work at, has
	 * ranges that end before they start or overlap, or has them in two places at once.
	 */
	private void validate(String practitionerId, List<Schedule.WeeklyHours> weekly,
			List<Schedule.Exception> exceptions) {
		CatalogPractitioner practitioner = this.catalog.practitioner(practitionerId)
			.orElseThrow(() -> Refusal.notFound("Practitioner", "No practitioner has the id " + practitionerId));
		check(practitioner, weekly, exceptions);
		checkOnePlaceAtATime(practitioner, new Schedule(practitionerId, weekly, exceptions, 0));
	}

	private void check(CatalogPractitioner practitioner, List<Schedule.WeeklyHours> weekly,
			List<Schedule.Exception> exceptions) {
		for (int i = 0; i < weekly.size(); i++) {
			Schedule.WeeklyHours hours = weekly.get(i);
			if (!hours.end().isAfter(hours.start())) {
				throw Refusal.invalid("weekly[" + i + "].end", "must be after start");
			}
			if (!practitioner.locations().contains(hours.locationId())) {
				throw Refusal.unprocessable("not-at-location", "Does not work there", "weekly[" + i + "].locationId",
						practitioner.displayName() + " does not work at " + hours.locationId());
			}
		}
		for (DayOfWeek day : DayOfWeek.values()) {
			for (String location : weekly.stream().map(Schedule.WeeklyHours::locationId).distinct().toList()) {
				List<Schedule.WeeklyHours> ofDay = new ArrayList<>(
						weekly.stream().filter(w -> w.day() == day && w.locationId().equals(location)).toList());
				ofDay.sort(Comparator.comparing(Schedule.WeeklyHours::start));
				for (int i = 1; i < ofDay.size(); i++) {
					if (ofDay.get(i).start().isBefore(ofDay.get(i - 1).end())) {
						throw Refusal.invalid("weekly", day + " has overlapping hours at " + location);
					}
				}
			}
		}
		for (int i = 0; i < exceptions.size(); i++) {
			Schedule.Exception exception = exceptions.get(i);
			boolean hasTimes = exception.start() != null && exception.end() != null;
			if ((exception.start() == null) != (exception.end() == null)) {
				throw Refusal.invalid("exceptions[" + i + "]", "needs both start and end, or neither");
			}
			if (hasTimes && !exception.end().isAfter(exception.start())) {
				throw Refusal.invalid("exceptions[" + i + "].end", "must be after start");
			}
			if (exception.kind() == Schedule.ExceptionKind.EXTRA_HOURS) {
				if (!hasTimes || exception.locationId() == null) {
					throw Refusal.invalid("exceptions[" + i + "]", "extra hours need a location, a start and an end");
				}
				if (!practitioner.locations().contains(exception.locationId())) {
					throw Refusal.unprocessable("not-at-location", "Does not work there",
							"exceptions[" + i + "].locationId",
							practitioner.displayName() + " does not work at " + exception.locationId());
				}
			}
		}
	}

	/** Hours at one location, as instants. */
	private record Stretch(String locationId, Instant start, Instant end, LocalDate date) {
	}

	/**
	 * Refuses hours that would have the practitioner at two locations at once, or leave
	 * less than the travel buffer between them. Compared in instants over the coming
	 * year, so locations in different zones, daylight-saving changes and extra hours on
	 * one date are all seen.
	 */
	private void checkOnePlaceAtATime(CatalogPractitioner practitioner, Schedule next) {
		List<String> locations = new ArrayList<>(
				next.weekly().stream().map(Schedule.WeeklyHours::locationId).distinct().toList());
		next.exceptions()
			.stream()
			.map(Schedule.Exception::locationId)
			.filter(id -> id != null && !locations.contains(id))
			.forEach(locations::add);
		if (locations.size() < 2) {
			return;
		}
		LocalDate first = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1);
		List<Stretch> stretches = new ArrayList<>();
		for (String locationId : locations) {
			ZoneId zone = this.catalog.location(locationId).map(CatalogLocation::zone).orElse(ZoneOffset.UTC);
			for (LocalDate date = first; date.isBefore(first.plusDays(DAYS_COMPARED)); date = date.plusDays(1)) {
				for (Schedule.Range range : next.rangesAt(locationId, date)) {
					stretches.add(new Stretch(locationId, date.atTime(range.start()).atZone(zone).toInstant(),
							date.atTime(range.end()).atZone(zone).toInstant(), date));
				}
			}
		}
		stretches.sort(Comparator.comparing(Stretch::start));
		Duration buffer = this.claims.travelBuffer();
		for (int i = 0; i < stretches.size(); i++) {
			Stretch one = stretches.get(i);
			for (int j = i + 1; j < stretches.size()
					&& stretches.get(j).start().isBefore(one.end().plus(buffer)); j++) {
				Stretch other = stretches.get(j);
				if (!other.locationId().equals(one.locationId())) {
					throw Refusal
						.unprocessable("two-places-at-once", "In two places at once", field(next, one, other),
								practitioner.displayName() + "'s hours at " + name(one.locationId()) + " and at "
										+ name(other.locationId()) + " on " + one.date()
										+ " overlap or leave less than " + buffer.toMinutes()
										+ " minutes to travel; a practitioner is in one place at a time")
						.with("date", one.date().toString());
				}
			}
		}
	}

	/** The extra hours that caused a clash, if one did; otherwise the weekly hours. */
	private static String field(Schedule next, Stretch one, Stretch other) {
		for (int i = 0; i < next.exceptions().size(); i++) {
			Schedule.Exception exception = next.exceptions().get(i);
			if (exception.kind() == Schedule.ExceptionKind.EXTRA_HOURS && ((exception.date().equals(one.date())
					&& one.locationId().equals(exception.locationId()))
					|| (exception.date().equals(other.date()) && other.locationId().equals(exception.locationId())))) {
				return "exceptions[" + i + "]";
			}
		}
		return "weekly";
	}

	private String name(String locationId) {
		return this.catalog.location(locationId).map(CatalogLocation::name).orElse(locationId);
	}

}
