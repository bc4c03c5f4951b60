package dev.medspa.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedule;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.LocationState.Address;
import dev.medspa.events.catalog.LocationState.Room;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;

/** Catalog states as the catalog service publishes them. */
final class CatalogFixtures {

	static final String CONSULTATION = "microneedling-consultation";

	static final String WALNUT_CREEK = "walnut-creek";

	static final String SCOTTSDALE = "scottsdale";

	private CatalogFixtures() {
	}

	static TreatmentState consultation(long version, boolean active) {
		return new TreatmentState(new TreatmentId(CONSULTATION), CONSULTATION, "Micro-needling consultation",
				"consultation", "First conversation", Duration.ofMinutes(30), Duration.ZERO, Duration.ofMinutes(10),
				new BigDecimal("50.00"), "USD", "consultation-room", "microneedling", null, null, List.of(), active,
				version, null);
	}

	static TreatmentState peel(long version) {
		return new TreatmentState(new TreatmentId("light-chemical-peel"), "light-chemical-peel", "Light chemical peel",
				"peel", "A peel", Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofMinutes(10),
				new BigDecimal("180.00"), "USD", "treatment-room", "peel", null, null, List.of(), true, version, null);
	}

	static final String PRACTITIONER = "maya-chen";

	static PractitionerState practitioner(String id, String location) {
		return new PractitionerState(new PractitionerId(id), id, "Aesthetician", List.of("microneedling", "peel"),
				List.of(new LocationId(location)), true, 1);
	}

	/**
	 * Walnut Creek offering the consultation, with Maya Chen working there every day: the
	 * clinic most tests book at.
	 */
	static void walnutCreekWithItsPractitioner(CatalogReadModel catalog, Schedules schedules) {
		catalog.apply(consultation(1, true));
		catalog.apply(walnutCreek(1, "Walnut Creek"));
		catalog.apply(practitioner(PRACTITIONER, WALNUT_CREEK));
		schedules.replace(PRACTITIONER, java.util.OptionalLong.empty(), everyDay(WALNUT_CREEK), List.of());
	}

	/**
	 * Micro-needling with its rules (a consultation no older than six months first,
	 * sessions four weeks apart at least), offered at Walnut Creek beside the
	 * consultation.
	 */
	static void microneedlingWithItsRules(CatalogReadModel catalog) {
		catalog.apply(new TreatmentState(new TreatmentId("microneedling"), "microneedling", "Micro-needling",
				"skin-rejuvenation", "", Duration.ofMinutes(45), Duration.ofMinutes(30), Duration.ofMinutes(15),
				new BigDecimal("350"), "USD", "consultation-room", "microneedling",
				new TreatmentState.ConsultationRule(new TreatmentId(CONSULTATION), java.time.Period.ofMonths(6)),
				new TreatmentState.SeriesRule(3, java.time.Period.ofWeeks(4), java.time.Period.ofWeeks(6)), List.of(),
				true, 1, null));
		catalog.apply(new LocationState(new LocationId(WALNUT_CREEK), WALNUT_CREEK, "Walnut Creek",
				new Address("1 Main", "Walnut Creek", "CA", "94596", "US"), "+1 925 555 0100", "America/Los_Angeles",
				List.of(new Room("walnut-creek-consult", "Room", "consultation-room", true)),
				List.of(new TreatmentId(CONSULTATION), new TreatmentId("microneedling")), true, 50, List.of()));
	}

	/** Works every day, 07:00 to 21:00, at the location. */
	static List<Schedule.WeeklyHours> everyDay(String location) {
		return java.util.Arrays.stream(java.time.DayOfWeek.values())
			.map(day -> new Schedule.WeeklyHours(location, day, java.time.LocalTime.of(7, 0),
					java.time.LocalTime.of(21, 0)))
			.toList();
	}

	static LocationState walnutCreek(long version, String name) {
		return location(WALNUT_CREEK, name, "America/Los_Angeles", version);
	}

	static LocationState scottsdale(long version) {
		return location(SCOTTSDALE, "Scottsdale", "America/Phoenix", version);
	}

	static LocationState location(String id, String name, long version) {
		return location(id, name, "America/Los_Angeles", version);
	}

	private static LocationState location(String id, String name, String zone, long version) {
		return new LocationState(new LocationId(id), id, name, new Address("1 Main Street", name, "CA", "94596", "US"),
				"+1 925 555 0100", zone,
				List.of(new Room(id + "-consult", "Consultation room", "consultation-room", true)),
				List.of(new TreatmentId(CONSULTATION)), true, version, List.of());
	}

}
