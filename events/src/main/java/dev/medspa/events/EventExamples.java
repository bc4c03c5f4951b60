package dev.medspa.events;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;

import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingConfirmed.ClientContact;
import dev.medspa.events.booking.BookingConfirmed.SeriesSession;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.events.booking.PaymentRecorded;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.events.waitlist.WaitlistJoined;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.events.prepaid.PackagePurchased;
import dev.medspa.events.waitlist.WaitlistLeft;
import dev.medspa.events.waitlist.WaitlistOffered;

/**
 * One believable payload for every contract in {@link EventContracts#ALL}, as the current
 * schema version writes it: the examples of the published event documentation, and
 * fixtures a test may start from. They tell one story: Ana books a course of
 * micro-needling at the Walnut Creek clinic, moves her first session, has it, and waits
 * for an earlier slot of her second; she paid for the course as a package first. A new
 * contract needs its example here; the documentation's tests fail until it has one.
 */
public final class EventExamples {

	private static final BookingId FIRST_SESSION = new BookingId("0b7c6f1e-3d1a-4a55-9d8e-1f3f0f9c2a10");

	private static final TreatmentId MICRONEEDLING = new TreatmentId("microneedling");

	private static final LocationId WALNUT_CREEK = new LocationId("walnut-creek");

	private static final PractitionerId SOFIA = new PractitionerId("sofia-reyes");

	private static final ClientContact ANA = new ClientContact("Ana Gomez", "ana@example.com", "+1 925 555 0199", true);

	private static final String WAITLIST_PLACE = "5d0e2b7a-8c41-4f6e-b2a9-7e13c4d9f260";

	private static final Map<EventContract<?>, Object> EXAMPLES = Map
		.ofEntries(Map.entry(EventContracts.TREATMENT_STATE, treatment()),
				Map.entry(EventContracts.LOCATION_STATE, location()),
				Map.entry(EventContracts.PRACTITIONER_STATE, new PractitionerState(SOFIA, "Sofia Reyes", "Aesthetician",
						List.of("microneedling", "microneedling-consultation"), List.of(WALNUT_CREEK), true, 3)),
				Map.entry(EventContracts.BOOKING_CONFIRMED, confirmed()),
				Map.entry(EventContracts.BOOKING_RESCHEDULED,
						new BookingRescheduled(FIRST_SESSION, 2, WALNUT_CREEK, SOFIA,
								Instant.parse("2027-01-12T17:00:00Z"), Instant.parse("2027-01-14T19:00:00Z"),
								Instant.parse("2027-01-14T20:00:00Z"), Instant.parse("2027-01-05T16:42:10Z"))),
				Map.entry(EventContracts.BOOKING_CANCELLED,
						new BookingCancelled(new BookingId("9f4a2c33-61b7-4e0d-a8f5-2d7c9b1e4a06"), 2, true,
								Instant.parse("2027-02-01T09:15:00Z"))),
				Map.entry(EventContracts.BOOKING_CHECKED_IN,
						new BookingCheckedIn(FIRST_SESSION, 3, Instant.parse("2027-01-14T18:56:31Z"))),
				Map.entry(EventContracts.BOOKING_COMPLETED,
						new BookingCompleted(FIRST_SESSION, 4, MICRONEEDLING, Instant.parse("2027-01-14T20:07:00Z"))),
				Map.entry(EventContracts.BOOKING_NO_SHOW,
						new BookingNoShow(new BookingId("c2d85e10-4b9f-4c77-91e3-6a0f8d2b5e14"), 2,
								Instant.parse("2027-01-20T18:30:00Z"))),
				Map.entry(EventContracts.BOOKING_CLIENT_ERASED,
						new BookingClientErased(new BookingId("7a3e9d41-0c6b-4f28-b5d7-e8192f4c6a35"), 5,
								Instant.parse("2029-01-14T03:00:00Z"))),
				Map.entry(EventContracts.PAYMENT_RECORDED,
						new PaymentRecorded(FIRST_SESSION, "DEPOSIT", 5000, "USD", "SUCCEEDED", "pi_3QhLw2", null, 1,
								Instant.parse("2026-12-02T17:41:09Z"))),
				Map.entry(EventContracts.WAITLIST_JOINED,
						new WaitlistJoined(WAITLIST_PLACE, 1, MICRONEEDLING, WALNUT_CREEK,
								LocalDate.parse("2027-02-11"), LocalDate.parse("2027-03-05"),
								List.of("MORNING", "AFTERNOON"), List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), ANA,
								Instant.parse("2027-01-15T08:20:00Z"))),
				Map.entry(EventContracts.WAITLIST_OFFERED,
						new WaitlistOffered(WAITLIST_PLACE, 2, "e61b0f2d-93a4-4c58-8d1e-40b7a5c9f3d2", MICRONEEDLING,
								WALNUT_CREEK, Instant.parse("2027-02-16T17:00:00Z"),
								Instant.parse("2027-02-16T18:00:00Z"), Instant.parse("2027-02-13T17:30:00Z"), ANA,
								Instant.parse("2027-02-12T17:30:00Z"))),
				Map.entry(EventContracts.WAITLIST_LEFT,
						new WaitlistLeft(WAITLIST_PLACE, 3, "BOOKED", Instant.parse("2027-02-12T18:02:45Z"))),
				Map.entry(EventContracts.INTAKE_STATUS_CHANGED,
						new IntakeStatusChanged(FIRST_SESSION, WALNUT_CREEK, 2, IntakeStatusChanged.NEEDS_REVIEW, 0,
								null, Instant.parse("2027-01-10T20:14:02Z"))),
				Map.entry(EventContracts.PACKAGE_PURCHASED,
						new PackagePurchased("8e2d4c17-5b90-4a3f-9c61-d07a2e5b4f38", "microneedling-3", MICRONEEDLING,
								"Micro-needling, course of 3", 3, 90000, "USD", "pi_3QhKp7",
								new PackagePurchased.Buyer(ANA.name(), ANA.email(), ANA.phone()),
								Instant.parse("2026-12-01T17:55:12Z"))));

	private EventExamples() {
	}

	/** The example payload of a contract. */
	public static <T> T of(EventContract<T> contract) {
		Object example = EXAMPLES.get(contract);
		if (example == null) {
			throw new IllegalArgumentException("No example payload for " + contract.type());
		}
		return contract.payloadType().cast(example);
	}

	private static TreatmentState treatment() {
		return new TreatmentState(MICRONEEDLING, "microneedling", "Micro-needling", "skin-rejuvenation",
				"Collagen induction therapy with a micro-needling pen, after a numbing cream", Duration.ofMinutes(45),
				Duration.ofMinutes(30), Duration.ofMinutes(15), new BigDecimal("350.00"), "USD", "treatment-room",
				"microneedling",
				new TreatmentState.ConsultationRule(new TreatmentId("microneedling-consultation"), Period.ofMonths(6)),
				new TreatmentState.SeriesRule(3, Period.ofDays(28), Period.ofDays(42)),
				List.of(new TreatmentState.AftercareStep("guide", Duration.ZERO, "Your aftercare guide"),
						new TreatmentState.AftercareStep("makeup-ok", Duration.ofHours(24),
								"Makeup is fine again from today"),
						new TreatmentState.AftercareStep("sun-week-over", Duration.ofDays(7),
								"The week of strict sun protection is over: how does your skin feel?")),
				true, 7, "Pause retinoids and exfoliating acids three days before; come without makeup.",
				List.of("microneedling-pen"));
	}

	private static LocationState location() {
		return new LocationState(WALNUT_CREEK, "walnut-creek", "Walnut Creek",
				new LocationState.Address("1500 Mount Diablo Boulevard", "Walnut Creek", "CA", "94596", "US"),
				"+1 925 555 0100", "America/Los_Angeles",
				List.of(new LocationState.Room("walnut-creek-room-1", "Treatment room 1", "treatment-room", true),
						new LocationState.Room("walnut-creek-room-2", "Consultation room", "consultation-room", true)),
				List.of(new TreatmentId("microneedling-consultation"), MICRONEEDLING), true, 12,
				List.of(new LocationState.OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)),
						new LocationState.OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(18, 30)),
						new LocationState.OpeningHours(DayOfWeek.THURSDAY, LocalTime.of(10, 0), LocalTime.of(19, 0))),
				List.of(new LocationState.Device("walnut-creek-pen-1", "Micro-needling pen", "microneedling-pen",
						true)));
	}

	private static BookingConfirmed confirmed() {
		return new BookingConfirmed(FIRST_SESSION, 1, MICRONEEDLING, WALNUT_CREEK,
				Instant.parse("2027-01-12T17:00:00Z"), Instant.parse("2027-01-12T18:00:00Z"), ANA,
				Instant.parse("2026-12-01T18:04:27Z"), SOFIA, null,
				new SeriesSession("3c1f8a62-7d0e-4b95-9e24-c5a1f7b3d809", 1,
						List.of(FIRST_SESSION, new BookingId("41e7c9b2-5a3d-4f10-8c6e-b2d94a7f1e53"),
								new BookingId("d8a05f3c-2e91-47b6-a4c7-6f1b3e8d2c90"))));
	}

}
