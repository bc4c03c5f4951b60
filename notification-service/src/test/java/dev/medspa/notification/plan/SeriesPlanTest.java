package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingConfirmed;
import org.junit.jupiter.api.Test;

import static dev.medspa.notification.plan.PlanTest.MICRONEEDLING;
import static dev.medspa.notification.plan.PlanTest.RULES;
import static dev.medspa.notification.plan.PlanTest.WALNUT_CREEK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A course booked in one go: its sessions' plans and the plan of its one confirmation.
 */
class SeriesPlanTest {

	static final Instant NOW = Instant.parse("2026-10-20T19:00:00Z");

	static final List<String> SESSIONS = List.of("s-1", "s-2", "s-3");

	@Test
	void aSessionHasNoConfirmationOfItsOwnButKeepsItsReminders() {
		Plan session = Plan.confirmed(confirmed(2), MICRONEEDLING, WALNUT_CREEK, RULES);

		assertThat(session.series()).isEqualTo(new Series("c-1", 2, SESSIONS, List.of(), List.of()));
		assertThat(session.message("s-2:confirmation:v1")).hasValueSatisfying(message -> {
			assertThat(message.status()).isEqualTo(MessageStatus.CANCELLED);
			assertThat(message.reason()).isEqualTo("confirmed with the series (series-c-1)");
		});
		assertThat(session.messages()).filteredOn(message -> message.status() == MessageStatus.PLANNED)
			.extracting(PlannedMessage::step)
			.contains(Step.REMINDER, Step.PRE_CARE);
	}

	@Test
	void theCoursesConfirmationWaitsForEverySessionThenGoesAtOnce() {
		Plan course = Plan.seriesConfirmed(confirmed(3), WALNUT_CREEK, RULES, NOW);
		assertThat(course.bookingId()).isEqualTo("series-c-1");
		assertThat(course.seriesConfirmation()).hasValueSatisfying(message -> {
			assertThat(message.id()).isEqualTo("series-c-1:series-confirmation:v1");
			assertThat(message.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
		});

		Plan two = course.sessionConfirmed("s-1", NOW.plusSeconds(5)).orElseThrow();
		assertThat(two.series().listedInOrder()).containsExactly("s-1", "s-3");
		assertThat(two.nextDueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
		assertThat(two.sessionConfirmed("s-1", NOW.plusSeconds(6))).as("heard of already").isEmpty();
		assertThat(two.sessionConfirmed("not-a-session", NOW.plusSeconds(6))).isEmpty();

		Plan all = two.sessionConfirmed("s-2", NOW.plusSeconds(7)).orElseThrow();
		assertThat(all.series().listedInOrder()).containsExactly("s-1", "s-2", "s-3");
		assertThat(all.nextDueAt()).isEqualTo(NOW.plusSeconds(7));
	}

	@Test
	void aSessionHeardOfOnceTheCoursesConfirmationWasTakenIsConfirmedOnItsOwn() {
		Plan course = Plan.seriesConfirmed(confirmed(1), WALNUT_CREEK, RULES, NOW);
		String id = course.seriesConfirmation().orElseThrow().id();
		Instant late = NOW.plus(Duration.ofMinutes(10));
		Plan taken = course.claim(id, "sender", late, Duration.ofMinutes(2)).orElseThrow();

		Plan heard = taken.sessionConfirmed("s-2", late.plusSeconds(1)).orElseThrow();
		assertThat(heard.series().listed()).containsExactly("s-1");
		assertThat(heard.series().onTheirOwn()).containsExactly("s-2");
		assertThat(heard.sessionConfirmed("s-2", late.plusSeconds(2))).isEmpty();

		Plan session = Plan.confirmed(confirmed(2), MICRONEEDLING, WALNUT_CREEK, RULES);
		Plan own = session.confirmingOnItsOwn(late.plusSeconds(1)).orElseThrow();
		assertThat(own.message("s-2:confirmation:v1")).hasValueSatisfying(message -> {
			assertThat(message.status()).isEqualTo(MessageStatus.PLANNED);
			assertThat(message.reason()).isNull();
			assertThat(message.dueAt()).isEqualTo(late.plusSeconds(1));
		});
		assertThat(own.confirmingOnItsOwn(late.plusSeconds(2))).as("put back already").isEmpty();
		assertThat(session.cancelled(new BookingCancelled(new BookingId("s-2"), 2, true, late))
			.confirmingOnItsOwn(late.plusSeconds(1))).as("cancelled meanwhile").isEmpty();
	}

	@Test
	void aBookingOnItsOwnKnowsNoSeries() {
		Plan alone = Plan.confirmed(
				new BookingConfirmed(new BookingId("b-1"), 1, new TreatmentId("microneedling"),
						new LocationId("walnut-creek"), NOW.plus(Duration.ofDays(9)),
						NOW.plus(Duration.ofDays(9)).plusSeconds(3600),
						new BookingConfirmed.ClientContact("Ana", "ana@example.com", null, false), NOW, null, null),
				MICRONEEDLING, WALNUT_CREEK, RULES);

		assertThat(alone.series()).isNull();
		assertThat(alone.message("b-1:confirmation:v1").orElseThrow().status()).isEqualTo(MessageStatus.PLANNED);
		assertThat(alone.confirmingOnItsOwn(NOW)).isEmpty();
	}

	@Test
	void erasingTheClientOfACourseCancelsItsConfirmationOnce() {
		Plan course = Plan.seriesConfirmed(confirmed(1), WALNUT_CREEK, RULES, NOW);

		Plan erased = course.seriesClientErased().orElseThrow();
		assertThat(erased.client().email()).isEqualTo("erased@erased.invalid");
		assertThat(erased.seriesConfirmation().orElseThrow().status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(erased.seriesClientErased()).isEmpty();
	}

	static BookingConfirmed confirmed(int session) {
		Instant start = NOW.plus(Duration.ofDays(9L + 28L * (session - 1)));
		return new BookingConfirmed(new BookingId(SESSIONS.get(session - 1)), 1, new TreatmentId("microneedling"),
				new LocationId("walnut-creek"), start, start.plusSeconds(3600),
				new BookingConfirmed.ClientContact("Ana", "ana@example.com", null, false), NOW,
				new PractitionerId("maya-chen"), null,
				new BookingConfirmed.SeriesSession("c-1", session, SESSIONS.stream().map(BookingId::new).toList()));
	}

}
