package dev.medspa.notification.confirmation;

import java.time.Instant;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.catalog.TreatmentSummary;
import dev.medspa.notification.mail.EmailSender.Email;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationMessageTest {

	private static final TreatmentSummary MICRONEEDLING = new TreatmentSummary("microneedling", "Micro-needling", true,
			1);

	private static final LocationSummary WALNUT_CREEK = new LocationSummary("walnut-creek", "Walnut Creek",
			"1480 Locust Street, Walnut Creek, CA 94596", "+1 925 555 0140", "America/Los_Angeles", true, 1);

	private static final LocationSummary SCOTTSDALE = new LocationSummary("scottsdale", "Scottsdale",
			"7014 East Camelback Road, Scottsdale, AZ 85251", "+1 480 555 0112", "America/Phoenix", true, 1);

	@Test
	void showsTheStartInTheLocationsStandardTimeInWinter() {
		// 18:00 UTC on 1 December is 10:00 in California (UTC-8)
		Email email = ConfirmationMessage.of(booking("2026-12-01T18:00:00Z"), MICRONEEDLING, WALNUT_CREEK,
				"Evergreen Med Spa", "https://book.example/manage/");
		assertThat(email.text()).contains("Tuesday, December 1, 2026 at 10:00 AM PST (America/Los_Angeles)")
			.contains("Micro-needling")
			.contains("Walnut Creek, 1480 Locust Street")
			.contains("Hello Ana Gomez");
	}

	@Test
	void followsDaylightSavingTimeTheMorningAfterTheChange() {
		// clocks in California sprang forward at 02:00 on 8 March 2026: 17:00 UTC on 9
		// March is 10:00 PDT (UTC-7)
		assertThat(ConfirmationMessage.when(booking("2026-03-09T17:00:00Z"), WALNUT_CREEK))
			.isEqualTo("Monday, March 9, 2026 at 10:00 AM PDT");
		// and on the night they fell back, 1 November 2026, 09:30 UTC is 01:30 PST, the
		// second 01:30 of the night
		assertThat(ConfirmationMessage.when(booking("2026-11-01T09:30:00Z"), WALNUT_CREEK))
			.isEqualTo("Sunday, November 1, 2026 at 1:30 AM PST");
	}

	@Test
	void phoenixKeepsStandardTimeAllYear() {
		// 17:00 UTC is 10:00 in Arizona both in July and in January
		assertThat(ConfirmationMessage.when(booking("2026-07-15T17:00:00Z"), SCOTTSDALE))
			.isEqualTo("Wednesday, July 15, 2026 at 10:00 AM MST");
		assertThat(ConfirmationMessage.when(booking("2026-01-15T17:00:00Z"), SCOTTSDALE))
			.isEqualTo("Thursday, January 15, 2026 at 10:00 AM MST");
	}

	@Test
	void carriesTheManageLinkWhenTheBookingHasOne() {
		BookingConfirmed withToken = new BookingConfirmed(new BookingId("b-2"), 1, new TreatmentId("microneedling"),
				new LocationId("walnut-creek"), Instant.parse("2026-12-01T18:00:00Z"),
				Instant.parse("2026-12-01T19:15:00Z"),
				new BookingConfirmed.ClientContact("Ana Gomez", "ana@example.com", null, false),
				Instant.parse("2026-11-24T10:00:00Z"), null, "b-2.secret");
		assertThat(ConfirmationMessage
			.of(withToken, MICRONEEDLING, WALNUT_CREEK, "Evergreen Med Spa", "https://book.example/manage/")
			.text()).contains("To see, move or cancel it: https://book.example/manage/b-2.secret");
		assertThat(ConfirmationMessage
			.of(booking("2026-12-01T18:00:00Z"), MICRONEEDLING, WALNUT_CREEK, "Evergreen Med Spa",
					"https://book.example/manage/")
			.text()).contains("call us at +1 925 555 0140");
	}

	@Test
	void theSubjectNamesNoTreatment() {
		Email email = ConfirmationMessage.of(booking("2026-12-01T18:00:00Z"), MICRONEEDLING, WALNUT_CREEK,
				"Evergreen Med Spa", "https://book.example/manage/");
		assertThat(email.subject()).isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek is confirmed")
			.doesNotContainIgnoringCase("needling");
		assertThat(email.to()).isEqualTo("ana@example.com");
	}

	private static BookingConfirmed booking(String start) {
		Instant at = Instant.parse(start);
		return new BookingConfirmed(new BookingId("b-1"), 1, new TreatmentId("microneedling"),
				new LocationId("walnut-creek"), at, at.plusSeconds(4500),
				new BookingConfirmed.ClientContact("Ana Gomez", "ana@example.com", "+1 925 555 0199", false), at, null,
				null);
	}

}
