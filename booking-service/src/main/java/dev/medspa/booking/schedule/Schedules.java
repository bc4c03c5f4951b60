package dev.medspa.booking.schedule;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.support.Refusal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Keeps practitioners' schedules; every change is checked and applied by compare-and-set
 * on its version.
 */
@Service
public class Schedules {

	private final MongoTemplate mongo;

	private final CatalogReadModel catalog;

	Schedules(MongoTemplate mongo, CatalogReadModel catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
	}

	public Optional<Schedule> find(String practitionerId) {
		return Optional.ofNullable(this.mongo.findById(practitionerId, Schedule.class));
	}

	/**
	 * Replaces a practitioner's schedule.
	 * @param expectedVersion the version the change was made from; 0 for a practitioner
	 * without a schedule yet; empty to replace whatever is there
	 */
	public Schedule replace(String practitionerId, OptionalLong expectedVersion, List<Schedule.WeeklyHours> weekly,
			List<Schedule.Exception> exceptions) {
		CatalogPractitioner practitioner = this.catalog.practitioner(practitionerId)
			.orElseThrow(() -> Refusal.notFound("Practitioner", "No practitioner has the id " + practitionerId));
		check(practitioner, weekly, exceptions);
		Optional<Schedule> current = find(practitionerId);
		long currentVersion = current.map(Schedule::version).orElse(0L);
		if (expectedVersion.isPresent() && expectedVersion.getAsLong() != currentVersion) {
			throw Refusal.stale("The schedule of " + practitionerId, currentVersion);
		}
		Schedule next = new Schedule(practitionerId, weekly, exceptions, currentVersion + 1);
		if (current.isEmpty()) {
			try {
				return this.mongo.insert(next);
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
		return next;
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
			List<Schedule.WeeklyHours> ofDay = new ArrayList<>(weekly.stream().filter(w -> w.day() == day).toList());
			ofDay.sort(Comparator.comparing(Schedule.WeeklyHours::start));
			for (int i = 1; i < ofDay.size(); i++) {
				if (ofDay.get(i).start().isBefore(ofDay.get(i - 1).end())) {
					throw Refusal.invalid("weekly",
							day + " has overlapping hours: a practitioner is in one place " + "at a time");
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

}
