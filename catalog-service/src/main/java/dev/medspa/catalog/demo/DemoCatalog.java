package dev.medspa.catalog.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Duration;
import java.time.Period;
import java.util.List;

import dev.medspa.catalog.location.LocationDefinition;
import dev.medspa.catalog.practitioner.PractitionerDefinition;
import dev.medspa.catalog.treatment.TreatmentDefinition;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState.Address;
import dev.medspa.events.catalog.LocationState.Device;
import dev.medspa.events.catalog.LocationState.OpeningHours;
import dev.medspa.events.catalog.LocationState.Room;
import dev.medspa.events.catalog.TreatmentState.AftercareStep;
import dev.medspa.events.catalog.TreatmentState.ConsultationRule;
import dev.medspa.events.catalog.TreatmentState.SeriesRule;
import org.jspecify.annotations.Nullable;

/**
 * A small, fictional clinic chain: two locations in the East Bay (America/Los_Angeles)
 * and one in Scottsdale (America/Phoenix, no daylight saving time), micro-needling with
 * its consultation and aftercare, and a few other treatments of a med spa. Each location
 * has one micro-needling pen that its two treatment rooms share; PRP also needs the
 * location's centrifuge.
 */
public final class DemoCatalog {

	public static final TreatmentId CONSULTATION = new TreatmentId("microneedling-consultation");

	public static final TreatmentId MICRONEEDLING = new TreatmentId("microneedling");

	public static final TreatmentId MICRONEEDLING_PRP = new TreatmentId("microneedling-prp");

	public static final TreatmentId HYDRATING_FACIAL = new TreatmentId("hydrating-facial");

	public static final TreatmentId LIGHT_PEEL = new TreatmentId("light-chemical-peel");

	public static final LocationId WALNUT_CREEK = new LocationId("walnut-creek");

	public static final LocationId SAN_RAMON = new LocationId("san-ramon");

	public static final LocationId SCOTTSDALE = new LocationId("scottsdale");

	private static final String TREATMENT_ROOM = "treatment-room";

	private static final String CONSULTATION_ROOM = "consultation-room";

	private static final String PEN = "microneedling-pen";

	private static final String CENTRIFUGE = "prp-centrifuge";

	private static final List<AftercareStep> MICRONEEDLING_AFTERCARE = List.of(new AftercareStep("guide", Duration.ZERO,
			"Your aftercare guide. For the next 72 hours wash with a mild cleanser and lukewarm water only, and leave "
					+ "scrubs, acids and other harsh products aside. Apply the soothing serum your aesthetician "
					+ "recommended (hyaluronic acid or peptides). Skip makeup for 24 hours so your skin can breathe. "
					+ "For one week stay out of direct sun: SPF 30 or higher, and a wide-brimmed hat outdoors. "
					+ "Moisturize twice a day with a gentle, fragrance-free, non-comedogenic moisturizer. If your "
					+ "aesthetician gave you personal instructions, follow those first."),
			new AftercareStep("makeup-ok", Duration.ofHours(24),
					"It has been a day since your treatment: you may wear makeup again. Keep cleansing gently "
							+ "and keep up the sunscreen."),
			new AftercareStep("products-ok", Duration.ofHours(72),
					"Three days on, you can go back to your regular skincare products. Sun protection still "
							+ "matters until the week is over."),
			new AftercareStep("week-check-in", Duration.ofDays(7),
					"Your sun-protection week is over. How does your skin feel? Reply or call us if anything "
							+ "worries you; we are glad to hear how it went."));

	private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

	private static final List<DayOfWeek> TUESDAY_TO_SATURDAY = List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

	private static final String MICRONEEDLING_PRE_CARE = "For three days before your session, pause retinoids, "
			+ "exfoliating acids and scrubs, and avoid sunburn or tanning. Come with clean skin and no makeup; we "
			+ "apply a numbing cream when you arrive, so plan for about half an hour before the needling itself.";

	private DemoCatalog() {
	}

	public static List<TreatmentDefinition> treatments() {
		SeriesRule course = new SeriesRule(3, Period.ofWeeks(4), Period.ofWeeks(6));
		ConsultationRule needsConsultation = new ConsultationRule(CONSULTATION, Period.ofMonths(6));
		return List.of(
				treatment(CONSULTATION, "Micro-needling consultation", "consultation",
						"A first conversation with an aesthetician: your skin, your goals, and whether "
								+ "micro-needling suits you.",
						Duration.ofMinutes(30), Duration.ZERO, Duration.ofMinutes(10), "50.00", CONSULTATION_ROOM, null,
						null, List.of()),
				treatment(MICRONEEDLING, "Micro-needling", "skin-rejuvenation",
						"Collagen induction therapy: fine, controlled punctures start the skin's own repair for "
								+ "smoother texture, softer acne scars and a more even tone.",
						Duration.ofMinutes(45), Duration.ofMinutes(30), Duration.ofMinutes(15), "350.00",
						TREATMENT_ROOM, needsConsultation, course, MICRONEEDLING_AFTERCARE),
				treatment(MICRONEEDLING_PRP, "Micro-needling with PRP", "skin-rejuvenation",
						"Micro-needling with platelet-rich plasma applied during the session, absorbed deeper "
								+ "through the fresh micro-channels.",
						Duration.ofMinutes(60), Duration.ofMinutes(30), Duration.ofMinutes(20), "650.00",
						TREATMENT_ROOM, needsConsultation, course, MICRONEEDLING_AFTERCARE),
				treatment(HYDRATING_FACIAL, "Hydrating facial", "facial",
						"Deep cleansing, gentle exfoliation and a hydrating serum infusion.", Duration.ofMinutes(60),
						Duration.ZERO, Duration.ofMinutes(15), "220.00", TREATMENT_ROOM, null, null, List.of()),
				treatment(LIGHT_PEEL, "Light chemical peel", "peel",
						"A superficial peel that brightens dull skin and evens out tone.", Duration.ofMinutes(30),
						Duration.ofMinutes(10), Duration.ofMinutes(10), "180.00", TREATMENT_ROOM, null, null,
						List.of(new AftercareStep("guide", Duration.ZERO,
								"Your skin may flake for a few days: do not pick it, cleanse gently, moisturize "
										+ "and wear SPF 30 or higher every day."))));
	}

	public static List<LocationDefinition> locations() {
		List<TreatmentId> all = List.of(CONSULTATION, MICRONEEDLING, MICRONEEDLING_PRP, HYDRATING_FACIAL, LIGHT_PEEL);
		return List.of(
				location(WALNUT_CREEK, "Walnut Creek",
						new Address("1480 Locust Street", "Walnut Creek", "CA", "94596", "US"), "+1 925 555 0140",
						"America/Los_Angeles", hours(WEEKDAYS, "09:00-12:30", "13:30-18:00"), all),
				location(SAN_RAMON, "San Ramon", new Address("2450 Camino Ramon", "San Ramon", "CA", "94583", "US"),
						"+1 925 555 0175", "America/Los_Angeles", hours(TUESDAY_TO_SATURDAY, "10:00-19:00"), all),
				location(SCOTTSDALE, "Scottsdale",
						new Address("7014 East Camelback Road", "Scottsdale", "AZ", "85251", "US"), "+1 480 555 0112",
						"America/Phoenix", hours(WEEKDAYS, "08:00-16:00"),
						List.of(CONSULTATION, MICRONEEDLING, HYDRATING_FACIAL)));
	}

	public static List<DemoPractitioner> practitioners() {
		return List.of(
				practitioner("maya-chen", "Maya Chen", "Lead aesthetician", List.of("microneedling", "facial", "peel"),
						WALNUT_CREEK, SAN_RAMON),
				practitioner("daniel-ortiz", "Daniel Ortiz", "Nurse injector", List.of("microneedling", "prp"),
						WALNUT_CREEK),
				practitioner("priya-nair", "Priya Nair", "Aesthetician", List.of("microneedling", "facial"), SAN_RAMON),
				practitioner("sofia-reyes", "Sofia Reyes", "Aesthetician", List.of("microneedling", "facial", "peel"),
						SCOTTSDALE),
				practitioner("james-walker", "James Walker", "Aesthetician", List.of("facial", "peel"), SCOTTSDALE));
	}

	private static TreatmentDefinition treatment(TreatmentId id, String name, String category, String description,
			Duration duration, Duration preparation, Duration cleanup, String price, String roomType,
			@Nullable ConsultationRule consultation, @Nullable SeriesRule series, List<AftercareStep> aftercare) {
		String qualification = switch (category) {
			case "consultation", "skin-rejuvenation" -> id.equals(MICRONEEDLING_PRP) ? "prp" : "microneedling";
			default -> category;
		};
		String preCare = category.equals("skin-rejuvenation") ? MICRONEEDLING_PRE_CARE : null;
		List<String> devices = !category.equals("skin-rejuvenation") ? List.of()
				: id.equals(MICRONEEDLING_PRP) ? List.of(PEN, CENTRIFUGE) : List.of(PEN);
		return new TreatmentDefinition(id.value(), name, category, description, duration, preparation, cleanup,
				new BigDecimal(price), "USD", roomType, qualification, consultation, series, aftercare, preCare,
				devices);
	}

	private static LocationDefinition location(LocationId id, String name, Address address, String phone, String zone,
			List<OpeningHours> hours, List<TreatmentId> treatments) {
		List<Room> rooms = List.of(new Room(id.value() + "-consult", "Consultation room", CONSULTATION_ROOM, true),
				new Room(id.value() + "-room-1", "Treatment room 1", TREATMENT_ROOM, true),
				new Room(id.value() + "-room-2", "Treatment room 2", TREATMENT_ROOM, true));
		// one pen that both treatment rooms share; a centrifuge where PRP is offered
		List<Device> devices = new java.util.ArrayList<>(
				List.of(new Device(id.value() + "-pen", "Micro-needling pen", PEN, true)));
		if (treatments.contains(MICRONEEDLING_PRP)) {
			devices.add(new Device(id.value() + "-centrifuge", "PRP centrifuge", CENTRIFUGE, true));
		}
		return new LocationDefinition(id.value(), name, address, phone, zone, hours, rooms, devices,
				treatments.stream().map(TreatmentId::value).toList());
	}

	/**
	 * The same hours on the given weekdays, one range or several (a gap between two is a
	 * break).
	 */
	private static List<OpeningHours> hours(List<DayOfWeek> days, String... ranges) {
		List<OpeningHours> hours = new java.util.ArrayList<>();
		for (DayOfWeek day : days) {
			for (String range : ranges) {
				String[] times = range.split("-");
				hours.add(new OpeningHours(day, LocalTime.parse(times[0]), LocalTime.parse(times[1])));
			}
		}
		return hours;
	}

	private static DemoPractitioner practitioner(String id, String name, String role, List<String> qualifications,
			LocationId... locations) {
		return new DemoPractitioner(id, new PractitionerDefinition(name, role, qualifications,
				java.util.Arrays.stream(locations).map(LocationId::value).toList()));
	}

	/** A demo practitioner under a fixed id, so that loading twice adds nothing. */
	public record DemoPractitioner(String id, PractitionerDefinition definition) {
	}

}
