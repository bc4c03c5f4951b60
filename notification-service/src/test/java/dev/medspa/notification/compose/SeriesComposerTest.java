package dev.medspa.notification.compose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.mail.EmailSender.Attachment;
import dev.medspa.notification.mail.EmailSender.Email;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanRules;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Step;
import dev.medspa.support.timeline.QuietHours;
import org.junit.jupiter.api.Test;

import static dev.medspa.notification.compose.MessageComposerTest.LINKS;
import static dev.medspa.notification.compose.MessageComposerTest.MICRONEEDLING;
import static dev.medspa.notification.compose.MessageComposerTest.PROPERTIES;
import static dev.medspa.notification.compose.MessageComposerTest.SCOTTSDALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** One confirmation for a course booked in one go. */
class SeriesComposerTest {

	static final PlanRules RULES = new PlanRules(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)),
			Duration.ofDays(1), Duration.ofHours(2), Duration.ofDays(2));

	static final LocationSummary WALNUT_CREEK = new LocationSummary("walnut-creek", "Walnut Creek",
			"1480 Locust Street, Walnut Creek, CA 94596", "+1 925 555 0140", "America/Los_Angeles", true, 1);

	static final Instant BOOKED = Instant.parse("2026-07-01T12:00:00Z");

	static final List<String> SESSIONS = List.of("s-1", "s-2", "s-3");

	final MessageComposer composer = new MessageComposer(PROPERTIES, LINKS, Clock.fixed(BOOKED, ZoneOffset.UTC));

	@Test
	void listsEverySessionInOrderInItsLocalTimeWithItsPlacePractitionerAndManageLink() {
		Email email = this.composer.seriesConfirmation(course(), message(), MICRONEEDLING,
				List.of(session(1, SCOTTSDALE, "Maya Chen"), session(2, SCOTTSDALE, null),
						session(3, SCOTTSDALE, "Maya Chen")));

		assertThat(email.subject()).isEqualTo("Your 3 appointments at Evergreen Med Spa Scottsdale are confirmed")
			.doesNotContainIgnoringCase("needling");
		assertThat(email.to()).isEqualTo("ana@example.com");
		assertThat(email.reference()).isEqualTo("series-c-1:series-confirmation:v1");
		assertThat(email.unsubscribeUrl()).isNull();
		assertThat(email.text()).contains("Hello Ana <Gomez>")
			.contains("Your 3 sessions of Micro-needling are booked and confirmed")
			.containsSubsequence("Session 1", "Wednesday, July 15, 2026 at 10:00 AM MST (America/Phoenix)",
					"Scottsdale, 7014 East Camelback Road", "With:  Maya Chen",
					"https://book.example/manage/" + LINKS.token("s-1"), "Session 2",
					"Wednesday, August 12, 2026 at 10:00 AM MST", "https://book.example/manage/" + LINKS.token("s-2"),
					"Session 3", "Wednesday, September 9, 2026 at 10:00 AM MST", "With:  Maya Chen",
					"https://book.example/manage/" + LINKS.token("s-3"))
			.contains("one for each session")
			.doesNotContainIgnoringCase("unsubscribe");
		String second = email.text().substring(email.text().indexOf("Session 2"), email.text().indexOf("Session 3"));
		assertThat(second).doesNotContain("With:");
		assertThat(email.html()).contains("Hello Ana &lt;Gomez&gt;")
			.doesNotContain("Ana <Gomez>")
			.contains("href=\"https://book.example/manage/" + LINKS.token("s-2") + "\"")
			.contains("Maya Chen")
			.containsSubsequence("July 15", "August 12", "September 9");
	}

	@Test
	void eachSessionHasTheInviteItsOwnConfirmationWouldHaveHad() {
		Plan moved = session(2, SCOTTSDALE, null).plan()
			.rescheduled(
					new BookingRescheduled(new BookingId("s-2"), 2, new LocationId("walnut-creek"),
							new PractitionerId("p"), start(2), start(2).plus(Duration.ofDays(1)),
							start(2).plus(Duration.ofDays(1)).plusSeconds(3600), BOOKED),
					MICRONEEDLING, WALNUT_CREEK, RULES);
		Email email = this.composer.seriesConfirmation(course(), message(), MICRONEEDLING,
				List.of(session(1, SCOTTSDALE, null), new MessageComposer.Session(2, moved, WALNUT_CREEK, null)));

		assertThat(email.subject()).isEqualTo("Your 2 appointments at Evergreen Med Spa are confirmed");
		assertThat(email.calendars()).hasSize(2).allSatisfy(invite -> {
			assertThat(invite.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
			assertThat(invite.content()).contains("METHOD:REQUEST").containsOnlyOnce("BEGIN:VEVENT");
		});
		assertThat(email.calendars()).extracting(Attachment::filename)
			.containsExactly("session-1.ics", "session-2.ics");

		// the same UID and SEQUENCE as the single booking's confirmation and update
		Attachment single = this.composer.email(alone(1), alone(1).messages().get(0), MICRONEEDLING, SCOTTSDALE, null)
			.calendar();
		assertThat(line(email.calendars().get(0), "UID:")).isEqualTo("UID:s-1@medspa.dev")
			.isEqualTo(line(single, "UID:"));
		assertThat(line(email.calendars().get(0), "SEQUENCE:")).isEqualTo("SEQUENCE:0")
			.isEqualTo(line(single, "SEQUENCE:"));
		PlannedMessage update = moved.messages()
			.stream()
			.filter(message -> message.step() == Step.UPDATE)
			.findFirst()
			.orElseThrow();
		Attachment updated = this.composer.email(moved, update, MICRONEEDLING, WALNUT_CREEK, null).calendar();
		assertThat(line(email.calendars().get(1), "UID:")).isEqualTo("UID:s-2@medspa.dev")
			.isEqualTo(line(updated, "UID:"));
		assertThat(line(email.calendars().get(1), "SEQUENCE:")).isEqualTo("SEQUENCE:1")
			.isEqualTo(line(updated, "SEQUENCE:"));
		assertThat(email.calendars().get(1).content()).contains("TZID=America/Los_Angeles");
	}

	@Test
	void aSingleSessionLeftReadsLikeOneAppointment() {
		Email email = this.composer.seriesConfirmation(course(), message(), MICRONEEDLING,
				List.of(session(3, SCOTTSDALE, null)));

		assertThat(email.subject()).isEqualTo("Your appointment at Evergreen Med Spa Scottsdale is confirmed");
		assertThat(email.text()).contains("Your session of Micro-needling is booked and confirmed")
			.contains("Session 3")
			.contains("The calendar invite attached keeps it in your calendar.")
			.doesNotContain("With:");
		assertThat(email.calendars()).hasSize(1);
	}

	@Test
	void aSeriesConfirmationIsNotComposedAsABookingsMessageNorWithoutSessions() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.composer.email(course(), message(), MICRONEEDLING, SCOTTSDALE, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.composer.seriesConfirmation(course(), message(), MICRONEEDLING, List.of()));
	}

	private static String line(Attachment invite, String prefix) {
		return invite.content().lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
	}

	static Instant start(int session) {
		return Instant.parse("2026-07-15T17:00:00Z").plus(Duration.ofDays(28L * (session - 1)));
	}

	static BookingConfirmed confirmed(int session, boolean inSeries) {
		return new BookingConfirmed(new BookingId(SESSIONS.get(session - 1)), 1, new TreatmentId("microneedling"),
				new LocationId("scottsdale"), start(session), start(session).plusSeconds(3600),
				new BookingConfirmed.ClientContact("Ana <Gomez>", "ana@example.com", null, false), BOOKED,
				new PractitionerId("p"), null, inSeries ? new BookingConfirmed.SeriesSession("c-1", session,
						SESSIONS.stream().map(BookingId::new).toList()) : null);
	}

	static MessageComposer.Session session(int number, LocationSummary location, String practitioner) {
		return new MessageComposer.Session(number,
				Plan.confirmed(confirmed(number, true), MICRONEEDLING, location, RULES), location, practitioner);
	}

	static Plan alone(int session) {
		return Plan.confirmed(confirmed(session, false), MICRONEEDLING, SCOTTSDALE, RULES);
	}

	static Plan course() {
		return Plan.seriesConfirmed(confirmed(1, true), SCOTTSDALE, RULES, BOOKED);
	}

	static PlannedMessage message() {
		return course().seriesConfirmation().orElseThrow();
	}

}
