package dev.medspa.booking.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.claim.DaySheet;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.claim.PractitionerDay.Engagement;
import dev.medspa.booking.claim.PractitionerDays;
import dev.medspa.booking.schedule.Schedule;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Answers when a treatment can be booked, at one location or all that offer it.
 * Everything it reads is looked up by id: one day sheet per location and day, one
 * schedule per practitioner.
 */
@Service
public class Availability {

	private final CatalogReadModel catalog;

	private final Schedules schedules;

	private final DaySheets daySheets;

	private final PractitionerDays practitionerDays;

	private final BookingPolicy policy;

	private final Clock clock;

	Availability(CatalogReadModel catalog, Schedules schedules, DaySheets daySheets, PractitionerDays practitionerDays,
			BookingPolicy policy, Clock clock) {
		this.catalog = catalog;
		this.schedules = schedules;
		this.daySheets = daySheets;
		this.practitionerDays = practitionerDays;
		this.policy = policy;
		this.clock = clock;
	}

	public BookingPolicy policy() {
		return this.policy;
	}

	/** The bookable starts of one location. */
	public record LocationSlots(CatalogLocation location, List<SlotRules.Slot> slots) {
	}

	/**
	 * @param locationId one location, or null for every open location that offers the
	 * treatment
	 * @param from first local day searched
	 * @param to last local day searched, inclusive
	 * @param practitionerId only this practitioner, if given
	 */
	public List<LocationSlots> search(String treatmentId, @Nullable String locationId, LocalDate from, LocalDate to,
			@Nullable String practitionerId) {
		return search(treatmentId, locationId, from, to, practitionerId, this.policy);
	}

	/**
	 * The same search under a policy of the caller's: the later sessions of a course
	 * reach past the horizon.
	 */
	public List<LocationSlots> search(String treatmentId, @Nullable String locationId, LocalDate from, LocalDate to,
			@Nullable String practitionerId, BookingPolicy policy) {
		Search search = search(treatmentId, locationId, from, to, policy);
		List<LocationSlots> result = new ArrayList<>();
		Lookup lookup = new Lookup(readerFor(search));
		for (CatalogLocation location : search.locations()) {
			List<SlotRules.Slot> slots = new ArrayList<>();
			if (location.offers(search.treatment().id())) {
				Map<LocalDate, DaySheet> sheets = this.daySheets.load(location.id(), search.firstRead(),
						search.lastRead());
				for (LocalDate date = search.firstRead(); !date.isAfter(search.lastRead()); date = date.plusDays(1)) {
					slots.addAll(
							rules(search.treatment(), location, sheets.get(date), practitionerId, null, lookup, policy)
								.offered());
				}
			}
			result.add(new LocationSlots(location, slots));
		}
		return result;
	}

	/**
	 * What a search covers, checked: the treatment, the locations, and the days worth
	 * reading (those that cannot have a bookable start are not read at all: UTC today, a
	 * day's margin for every zone, to the horizon).
	 */
	private record Search(CatalogTreatment treatment, List<CatalogLocation> locations, LocalDate firstRead,
			LocalDate lastRead) {
	}

	private Search search(String treatmentId, @Nullable String locationId, LocalDate from, LocalDate to) {
		return search(treatmentId, locationId, from, to, this.policy);
	}

	private Search search(String treatmentId, @Nullable String locationId, LocalDate from, LocalDate to,
			BookingPolicy policy) {
		if (to.isBefore(from)) {
			throw Refusal.invalid("to", "must not be before from");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > this.policy.maximumSearch().toDays()) {
			throw Refusal.invalid("to", "a search covers at most " + this.policy.maximumSearch().toDays() + " days");
		}
		CatalogTreatment treatment = this.catalog.treatment(treatmentId)
			.filter(CatalogTreatment::active)
			.orElseThrow(() -> Refusal.invalid("treatment", "no bookable treatment has the id " + treatmentId));
		List<CatalogLocation> locations = locationId == null ? this.catalog.locationsOffering(treatment.id())
				: List.of(this.catalog.location(locationId)
					.filter(CatalogLocation::active)
					.orElseThrow(() -> Refusal.invalid("location", "no open location has the id " + locationId)));
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		if (days * locations.size() > this.policy.maximumLocationDays()) {
			throw Refusal.invalid("to",
					"a search covers at most " + this.policy.maximumLocationDays() + " location-days; this one covers "
							+ days + " days at " + locations.size() + " locations: choose a location or fewer days");
		}
		LocalDate today = this.clock.instant().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
		LocalDate firstRead = from.isBefore(today.minusDays(1)) ? today.minusDays(1) : from;
		LocalDate lastBookable = today.plusDays(policy.horizon().toDays() + 1);
		return new Search(treatment, locations, firstRead, to.isAfter(lastBookable) ? lastBookable : to);
	}

	/**
	 * The local days with at least one bookable start, per location: the calendar's
	 * question. Each day stops at its first bookable start, so a free calendar costs a
	 * read or two per location and day.
	 */
	public List<LocationDays> days(String treatmentId, @Nullable String locationId, LocalDate from, LocalDate to,
			@Nullable String practitionerId) {
		Search search = search(treatmentId, locationId, from, to);
		Lookup lookup = new Lookup(readerFor(search));
		List<LocationDays> result = new ArrayList<>();
		for (CatalogLocation location : search.locations()) {
			List<LocalDate> days = new ArrayList<>();
			if (location.offers(search.treatment().id())) {
				Map<LocalDate, DaySheet> sheets = this.daySheets.load(location.id(), search.firstRead(),
						search.lastRead());
				for (LocalDate date = search.firstRead(); !date.isAfter(search.lastRead()); date = date.plusDays(1)) {
					if (rules(search.treatment(), location, sheets.get(date), practitionerId, null, lookup, this.policy)
						.anyOffered()) {
						days.add(date);
					}
				}
			}
			result.add(new LocationDays(location, days));
		}
		return result;
	}

	/**
	 * Reads each practitioner's engagements over the whole search at once: the UTC days
	 * of its local days, in any zone, widened by the travel buffer.
	 */
	private PractitionerDays.Reader readerFor(Search search) {
		long margin = 1 + this.practitionerDays.travelBuffer().toDays();
		return this.practitionerDays.reader(search.firstRead().minusDays(margin), search.lastRead().plusDays(margin));
	}

	/** The local days of one location that have a bookable start. */
	public record LocationDays(CatalogLocation location, List<LocalDate> days) {
	}

	/**
	 * The rules of one location and day, on a given state of its day sheet and the latest
	 * state of its practitioners' engagements.
	 * @param ignoring an owner whose claims are disregarded (a booking that moves)
	 */
	public SlotRules rules(CatalogTreatment treatment, CatalogLocation location, DaySheet sheet,
			@Nullable String practitionerId, @Nullable String ignoring) {
		return rules(treatment, location, sheet, practitionerId, ignoring, this.policy);
	}

	/** The rules of one location and day under a policy of the caller's. */
	public SlotRules rules(CatalogTreatment treatment, CatalogLocation location, DaySheet sheet,
			@Nullable String practitionerId, @Nullable String ignoring, BookingPolicy policy) {
		return rules(treatment, location, sheet, practitionerId, ignoring, new Lookup(this.practitionerDays.reader()),
				policy);
	}

	/**
	 * What one request reads once however many days it covers: who works at each
	 * location, their schedules, and their engagements by day.
	 */
	private final class Lookup {

		private final PractitionerDays.Reader engagements;

		private final Map<String, List<CatalogPractitioner>> practitioners = new HashMap<>();

		private final Map<String, java.util.Optional<Schedule>> schedules = new HashMap<>();

		Lookup(PractitionerDays.Reader engagements) {
			this.engagements = engagements;
		}

		List<CatalogPractitioner> practitionersAt(String locationId) {
			return this.practitioners.computeIfAbsent(locationId, Availability.this.catalog::practitionersAt);
		}

		java.util.Optional<Schedule> schedule(String practitionerId) {
			return this.schedules.computeIfAbsent(practitionerId, Availability.this.schedules::recent);
		}

	}

	private SlotRules rules(CatalogTreatment treatment, CatalogLocation location, DaySheet sheet,
			@Nullable String practitionerId, @Nullable String ignoring, Lookup lookup, BookingPolicy policy) {
		PractitionerDays.Reader reader = lookup.engagements;
		ZoneId zone = location.zone();
		Duration buffer = this.practitionerDays.travelBuffer();
		Instant from = sheet.date().atStartOfDay(zone).toInstant().minus(buffer);
		Instant to = sheet.date().plusDays(1).atStartOfDay(zone).toInstant().plus(buffer);
		Map<CatalogPractitioner, List<Schedule.Range>> practitioners = new LinkedHashMap<>();
		Map<String, List<Engagement>> engagements = new HashMap<>();
		for (CatalogPractitioner practitioner : lookup.practitionersAt(location.id())) {
			if (!practitioner.qualifications().contains(treatment.qualification())
					|| (practitionerId != null && !practitioner.id().equals(practitionerId))) {
				continue;
			}
			List<Schedule.Range> ranges = lookup.schedule(practitioner.id())
				.map(schedule -> schedule.rangesAt(location.id(), sheet.date()))
				.orElse(List.of());
			if (!ranges.isEmpty()) {
				practitioners.put(practitioner, ranges);
			}
		}
		List<String> rooms = location.rooms()
			.stream()
			.filter(room -> room.active() && room.type().equals(treatment.roomType()))
			.map(CatalogLocation.Room::id)
			.toList();
		Map<String, List<String>> devices = new LinkedHashMap<>();
		for (String type : treatment.deviceTypes()) {
			devices.put(type,
					location.devices()
						.stream()
						.filter(device -> device.active() && device.type().equals(type))
						.map(CatalogLocation.Device::id)
						.toList());
		}
		return new SlotRules(treatment, location, practitioners,
				id -> engagements.computeIfAbsent(id, key -> reader.engagements(key, from, to, ignoring)), rooms,
				devices, sheet, policy, buffer, this.clock.instant());
	}

	/**
	 * Whether a practitioner's schedule, as it is now, has them at a location for the
	 * whole of [start, end): checked again after a claim is won, so that a schedule
	 * change that raced the booking either sees its claim or is seen by it.
	 */
	public boolean scheduled(String practitionerId, CatalogLocation location, Instant start, Instant end) {
		return this.schedules.find(practitionerId)
			.map(schedule -> schedule.covers(location.id(), location.zone(), start, end))
			.orElse(false);
	}

}
