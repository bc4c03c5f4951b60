package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.support.timeline.QuietHours;
import org.junit.jupiter.api.Test;

import static dev.medspa.notification.plan.IntakePlanTest.BOOKED;
import static dev.medspa.notification.plan.IntakePlanTest.START;
import static dev.medspa.notification.plan.IntakePlanTest.due;
import static dev.medspa.notification.plan.IntakePlanTest.event;
import static dev.medspa.notification.plan.PlanTest.LA;
import static dev.medspa.notification.plan.PlanTest.MICRONEEDLING;
import static dev.medspa.notification.plan.PlanTest.RULES;
import static dev.medspa.notification.plan.PlanTest.WALNUT_CREEK;
import static dev.medspa.notification.plan.PlanTest.confirmed;
import static dev.medspa.notification.plan.PlanTest.local;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms' link goes once: in the confirmation when the forms fell due before it went,
 * on its own when they fell due after, and the sent confirmation decides which when the
 * two cross.
 */
class FormsInConfirmationPlanTest {

	static final String CONFIRMATION = "b-1:confirmation:v1";

	static final String FORMS = "b-1:forms:v1";

	@Test
	void theConfirmationWaitsItsGraceAndStillIgnoresQuietHours() {
		PlanRules graceful = new PlanRules(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), Duration.ofDays(1),
				Duration.ofHours(2), Duration.ofDays(2), PlanRules.SERIES_WAIT, PlanRules.FORMS_REMINDER_BEFORE,
				Duration.ofSeconds(5));
		Instant lateAtNight = local(2026, 12, 1, 23, 30, LA);
		Plan plan = Plan.confirmed(new BookingConfirmed(new BookingId("b-1"), 1, new TreatmentId("microneedling"),
				new LocationId(WALNUT_CREEK.id()), START, START.plusSeconds(3600),
				new BookingConfirmed.ClientContact("Ana", "ana@example.com", null, false), lateAtNight,
				new PractitionerId("p"), "token"), MICRONEEDLING, WALNUT_CREEK, graceful);

		assertThat(plan.message(CONFIRMATION).map(PlannedMessage::dueAt)).contains(lateAtNight.plusSeconds(5));
		assertThat(plan.nextDueAt()).isEqualTo(lateAtNight.plusSeconds(5));
	}

	@Test
	void formsDueBeforeTheConfirmationWentGoInItAndNotOnTheirOwn() {
		Plan plan = due(confirmed(START, BOOKED, false, WALNUT_CREEK), 1, BOOKED.plusSeconds(2));
		PlannedMessage confirmation = plan.message(CONFIRMATION).orElseThrow();

		assertThat(plan.message(FORMS)).isEmpty();
		assertThat(plan.carriesFormsLink(confirmation)).isTrue();
		Plan sent = send(plan, BOOKED.plusSeconds(5));
		assertThat(sent.message(CONFIRMATION).map(PlannedMessage::carriedFormsLink)).contains(true);
		assertThat(sent.message(FORMS)).isEmpty();

		// done, then due again: the client has the link already
		Plan done = sent.intakeChanged(event(2, IntakeStatusChanged.COMPLETE), RULES, BOOKED.plusSeconds(60))
			.orElseThrow();
		Plan dueAgain = due(done, 3, BOOKED.plusSeconds(120));
		assertThat(dueAgain.message(FORMS)).isEmpty();
		assertThat(dueAgain.message("b-1:forms-reminder-intake-3:v1")).isPresent();
	}

	@Test
	void formsDueWhileTheConfirmationIsBeingSentWithoutThemAreSentOnTheirOwnOnceItIsRecorded() {
		Plan plan = confirmed(START, BOOKED, false, WALNUT_CREEK);
		Plan claimed = plan.claim(CONFIRMATION, "one", BOOKED, Duration.ofMinutes(2)).orElseThrow();
		boolean composedWithLink = claimed.carriesFormsLink(claimed.message(CONFIRMATION).orElseThrow());
		Plan dueMeanwhile = due(claimed, 1, BOOKED.plusSeconds(1));

		assertThat(composedWithLink).isFalse();
		assertThat(dueMeanwhile.message(FORMS)).as("not while the confirmation's outcome is open").isEmpty();
		Plan recorded = dueMeanwhile
			.settle(CONFIRMATION, "one", message -> Plan.sent(message, BOOKED.plusSeconds(2), composedWithLink),
					BOOKED.plusSeconds(2))
			.orElseThrow();
		assertThat(recorded.message(CONFIRMATION).map(PlannedMessage::carriedFormsLink)).contains(false);
		assertThat(recorded.message(FORMS).map(PlannedMessage::status)).contains(MessageStatus.PLANNED);
		assertThat(recorded.message(FORMS).map(PlannedMessage::dueAt)).contains(BOOKED.plusSeconds(2));
	}

	@Test
	void aConfirmationThatCarriedTheLinkWhileTheFormsWereDoneMeanwhileLeavesNothingOwed() {
		Plan plan = due(confirmed(START, BOOKED, false, WALNUT_CREEK), 1, BOOKED);
		Plan claimed = plan.claim(CONFIRMATION, "one", BOOKED, Duration.ofMinutes(2)).orElseThrow();
		Plan done = claimed.intakeChanged(event(2, IntakeStatusChanged.COMPLETE), RULES, BOOKED).orElseThrow();
		Plan recorded = done
			.settle(CONFIRMATION, "one", message -> Plan.sent(message, BOOKED, true), BOOKED.plusSeconds(1))
			.orElseThrow();

		assertThat(recorded.message(FORMS)).isEmpty();
	}

	@Test
	void aConfirmationThatNeverWentOrWasReplacedByAMoveLeavesTheLinkOwed() {
		Plan plan = due(confirmed(START, BOOKED, false, WALNUT_CREEK), 1, BOOKED);
		Plan claimed = plan.claim(CONFIRMATION, "one", BOOKED, Duration.ofMinutes(2)).orElseThrow();
		Plan failed = claimed
			.settle(CONFIRMATION, "one", message -> Plan.failed(message, "550 refused"), BOOKED.plusSeconds(1))
			.orElseThrow();
		assertThat(failed.message(FORMS).map(PlannedMessage::status)).contains(MessageStatus.PLANNED);

		Instant moved = local(2026, 12, 12, 15, 0, LA);
		Plan rescheduled = plan.rescheduled(
				new BookingRescheduled(new BookingId("b-1"), 2, new LocationId(WALNUT_CREEK.id()),
						new PractitionerId("p"), START, moved, moved.plusSeconds(3600), BOOKED.plusSeconds(3)),
				MICRONEEDLING, WALNUT_CREEK, RULES);
		assertThat(rescheduled.message(CONFIRMATION).map(PlannedMessage::status)).contains(MessageStatus.CANCELLED);
		assertThat(rescheduled.message("b-1:forms:v2").map(PlannedMessage::status)).contains(MessageStatus.PLANNED);
	}

	private static Plan send(Plan plan, Instant at) {
		Plan claimed = plan.claim(CONFIRMATION, "one", at, Duration.ofMinutes(2)).orElseThrow();
		boolean link = claimed.carriesFormsLink(claimed.message(CONFIRMATION).orElseThrow());
		return claimed.settle(CONFIRMATION, "one", message -> Plan.sent(message, at, link), at).orElseThrow();
	}

}
