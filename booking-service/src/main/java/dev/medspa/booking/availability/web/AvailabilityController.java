package dev.medspa.booking.availability.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medspa.booking.availability.Availability;
import dev.medspa.booking.availability.SlotRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** When a treatment can be booked, for anyone. */
@RestController
@Tag(name = "Availability", description = "When a treatment can be booked, for anyone")
class AvailabilityController {

	private final Availability availability;

	AvailabilityController(Availability availability) {
		this.availability = availability;
	}

	/**
	 * The bookable starts of a treatment, per location, with the earliest at each; times
	 * in the location's zone.
	 * @param location a location id, or {@code any} for every location that offers the
	 * treatment
	 * @param from the first local day, default today
	 * @param to the last local day, inclusive, default a week after from
	 */
	@Operation(summary = "Find bookable starts of a treatment",
			description = "Per location (`location`, or `any` for every location that offers the `treatment`), the starts "
					+ "from `from` to `to` (local days, inclusive; default today and the six days after), with the "
					+ "earliest of each location and the practitioners who can be booked at each start, listed once per "
					+ "location. Times carry the location's offset. `practitioner` narrows to one practitioner.")
	@GetMapping("/api/availability")
	AvailabilityView search(@RequestParam String treatment, @RequestParam(defaultValue = "any") String location,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String practitioner) {
		LocalDate first = from != null ? from : LocalDate.now();
		List<Availability.LocationSlots> found = slots(treatment, location, first, to != null ? to : first.plusDays(6),
				practitioner);
		return new AvailabilityView(treatment, found.stream().map(AvailabilityController::view).toList());
	}

	/**
	 * The compact shape a calendar needs: per location, only the local days that have at
	 * least one bookable start.
	 */
	@Operation(summary = "Find the days with at least one bookable start",
			description = "What a calendar needs: per location, the local days from `from` to `to` (inclusive; default "
					+ "today and the 30 days after) with at least one bookable start of the `treatment`. Same filters "
					+ "as the search for starts.")
	@GetMapping("/api/availability/days")
	AvailableDaysView days(@RequestParam String treatment, @RequestParam(defaultValue = "any") String location,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String practitioner) {
		LocalDate first = from != null ? from : LocalDate.now();
		LocalDate last = to != null ? to : first.plusDays(30);
		List<Availability.LocationDays> found = this.availability.days(treatment,
				location.equals("any") ? null : location, first, last, practitioner);
		return new AvailableDaysView(treatment, first, last,
				found.stream()
					.map(days -> new LocationDaysView(days.location().id(), days.location().name(),
							days.location().zoneId(), days.days()))
					.toList());
	}

	/**
	 * @param location a location id, or {@code any}
	 */
	private List<Availability.LocationSlots> slots(String treatment, String location, LocalDate first, LocalDate last,
			@Nullable String practitioner) {
		return this.availability.search(treatment, location.equals("any") ? null : location, first, last, practitioner);
	}

	/**
	 * A location's starts, each naming its practitioners by id; their names are listed
	 * once beside them, not again at every start.
	 */
	private static LocationView view(Availability.LocationSlots slots) {
		ZoneId zone = slots.location().zone();
		Map<String, PractitionerView> practitioners = new LinkedHashMap<>();
		List<SlotView> views = slots.slots().stream().map(slot -> {
			slot.practitioners()
				.forEach(p -> practitioners.putIfAbsent(p.id(), new PractitionerView(p.id(), p.displayName())));
			return new SlotView(slot.start().atZone(zone).toOffsetDateTime(),
					slot.practitioners().stream().map(p -> p.id()).toList());
		}).toList();
		return new LocationView(slots.location().id(), slots.location().name(), slots.location().zoneId(),
				views.isEmpty() ? null : views.get(0).start(), List.copyOf(practitioners.values()), views);
	}

	record AvailabilityView(String treatmentId, List<LocationView> locations) {
	}

	/**
	 * @param earliest the first bookable start in the range, or null if there is none
	 * @param practitioners who the starts name, each once
	 */
	record LocationView(String locationId, String name, String zoneId, @Nullable OffsetDateTime earliest,
			List<PractitionerView> practitioners, List<SlotView> slots) {
	}

	record AvailableDaysView(String treatmentId, LocalDate from, LocalDate to, List<LocationDaysView> locations) {
	}

	/**
	 * @param days the local days with at least one bookable start, in order
	 */
	record LocationDaysView(String locationId, String name, String zoneId, List<LocalDate> days) {
	}

	/**
	 * @param practitionerIds who can be booked at that start, by id
	 */
	record SlotView(OffsetDateTime start, List<String> practitionerIds) {
	}

	record PractitionerView(String id, String displayName) {
	}

}
