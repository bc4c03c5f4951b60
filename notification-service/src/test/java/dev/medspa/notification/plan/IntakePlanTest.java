package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.events.intake.IntakeStatusChanged;
import org.junit.jupiter.api.Test;

import static dev.medspa.notification.plan.PlanTest.LA;
import static dev.medspa.notification.plan.PlanTest.MICRONEEDLING;
import static dev.medspa.notification.plan.PlanTest.RULES;
import static dev.medspa.notification.plan.PlanTest.WALNUT_CREEK;
import static dev.medspa.notification.plan.PlanTest.confirmed;
import static dev.medspa.notification.plan.PlanTest.dueByStep;
import static dev.medspa.notification.plan.PlanTest.local;
import static org.assertj.core.api.Assertions.assertThat;

class IntakePlanTest {

	static final Instant BOOKED = local(2026, 12, 1, 9, 0, LA);

	static final Instant START = local(2026, 12, 10, 10, 0, LA);

	@Test
	void formsFallingDueSendTheLinkAtOnceAndARemindThreeDaysBefore() {
		Plan plan = due(told(confirmed(START, BOOKED, false, WALNUT_CREEK)), 1, BOOKED.plusSeconds(5));

		assertThat(dueByStep(plan)).containsEntry(Step.FORMS, BOOKED.plusSeconds(5))
			.containsEntry(Step.FORMS_REMINDER, local(2026, 12, 7, 10, 0, LA));
		assertThat(plan.message("b-1:forms:v1")).isPresent();
		assertThat(plan.message("b-1:forms-reminder-intake-1:v1")).isPresent();
		assertThat(plan.forms()).contains(new IntakeForms(1, "DUE", 2));
	}

	@Test
	void aRepeatedOrOlderIntakeEventChangesNothingAndTheLinkGoesOncePerBooking() {
		Plan plan = due(told(confirmed(START, BOOKED, false, WALNUT_CREEK)), 2, BOOKED);

		assertThat(plan.intakeChanged(event(2, IntakeStatusChanged.DUE), RULES, BOOKED)).isEmpty();
		assertThat(plan.intakeChanged(event(1, IntakeStatusChanged.COMPLETE), RULES, BOOKED)).isEmpty();
		Plan again = plan.intakeChanged(event(3, IntakeStatusChanged.DUE), RULES, BOOKED.plusSeconds(60)).orElseThrow();
		assertThat(again.messages()).filteredOn(message -> message.step() == Step.FORMS).hasSize(1);
		assertThat(again.messages()).filteredOn(message -> message.step() == Step.FORMS_REMINDER).hasSize(1);
	}

	@Test
	void formsDoneOrReviewedDropTheReminderAndFormsDueAgainPlanANewOne() {
		Plan plan = due(told(confirmed(START, BOOKED, false, WALNUT_CREEK)), 1, BOOKED);
		Plan done = plan.intakeChanged(event(2, IntakeStatusChanged.NEEDS_REVIEW), RULES, BOOKED).orElseThrow();

		assertThat(done.message("b-1:forms-reminder-intake-1:v1")).get()
			.satisfies(message -> assertThat(message.status()).isEqualTo(MessageStatus.CANCELLED))
			.satisfies(message -> assertThat(message.reason()).isEqualTo("the forms are no longer due"));
		Plan dueAgain = due(done, 3, BOOKED.plusSeconds(60));
		assertThat(dueAgain.message("b-1:forms-reminder-intake-3:v1")).get()
			.satisfies(message -> assertThat(message.status()).isEqualTo(MessageStatus.PLANNED));
		Plan cleared = dueAgain.intakeChanged(event(4, IntakeStatusChanged.CLEARED), RULES, BOOKED).orElseThrow();
		assertThat(dueByStep(cleared)).doesNotContainKey(Step.FORMS_REMINDER);
		assertThat(cleared.staleReason(cleared.message("b-1:forms:v1").orElseThrow()))
			.isEqualTo("the forms are no longer due");
	}

	@Test
	void aVisitBookedLateIsRemindedHalfwayAndOneBookedTooLateNotAtAll() {
		Instant start = local(2026, 12, 3, 9, 0, LA);
		Plan plan = due(told(confirmed(start, BOOKED, false, WALNUT_CREEK)), 1, BOOKED);
		assertThat(dueByStep(plan)).containsEntry(Step.FORMS_REMINDER, local(2026, 12, 2, 9, 0, LA));

		Plan soon = due(told(confirmed(local(2026, 12, 1, 10, 0, LA), BOOKED, false, WALNUT_CREEK)), 1, BOOKED);
		assertThat(dueByStep(soon)).containsKey(Step.FORMS)
			.containsEntry(Step.FORMS_REMINDER, local(2026, 12, 1, 9, 30, LA));

		Plan night = due(
				told(confirmed(local(2026, 12, 2, 8, 0, LA), local(2026, 12, 1, 20, 0, LA), false, WALNUT_CREEK)), 1,
				local(2026, 12, 1, 20, 0, LA));
		assertThat(dueByStep(night)).containsKey(Step.FORMS).doesNotContainKey(Step.FORMS_REMINDER);
	}

	@Test
	void aMoveRetimesTheReminderACancellationOrCheckInDropsIt() {
		Plan plan = due(confirmed(START, BOOKED, false, WALNUT_CREEK), 1, BOOKED);
		Instant moved = local(2026, 12, 12, 15, 0, LA);
		Plan rescheduled = plan.rescheduled(
				new BookingRescheduled(new BookingId("b-1"), 2, new LocationId(WALNUT_CREEK.id()),
						new PractitionerId("p"), START, moved, moved.plusSeconds(3600), BOOKED.plusSeconds(3600)),
				MICRONEEDLING, WALNUT_CREEK, RULES);

		assertThat(rescheduled.message("b-1:forms-reminder-intake-1:v1").map(PlannedMessage::status))
			.contains(MessageStatus.CANCELLED);
		assertThat(rescheduled.message("b-1:forms-reminder-intake-1:v2").map(PlannedMessage::dueAt))
			.contains(local(2026, 12, 9, 15, 0, LA));

		Plan cancelled = rescheduled
			.cancelled(new BookingCancelled(new BookingId("b-1"), 3, true, BOOKED.plusSeconds(7200)));
		assertThat(dueByStep(cancelled)).doesNotContainKey(Step.FORMS_REMINDER);
		Plan here = rescheduled.checkedIn(new BookingCheckedIn(new BookingId("b-1"), 3, moved.minusSeconds(600)));
		assertThat(dueByStep(here)).doesNotContainKey(Step.FORMS_REMINDER);
	}

	@Test
	void formsFallingDueForABookingNoLongerConfirmedSendNothing() {
		Plan cancelled = confirmed(START, BOOKED, false, WALNUT_CREEK)
			.cancelled(new BookingCancelled(new BookingId("b-1"), 2, true, BOOKED.plusSeconds(60)));
		Optional<Plan> plan = cancelled.intakeChanged(event(1, IntakeStatusChanged.DUE), RULES, BOOKED);

		assertThat(plan).isPresent();
		assertThat(plan.get().messages()).noneMatch(message -> message.step() == Step.FORMS)
			.noneMatch(message -> message.step() == Step.FORMS_REMINDER);
	}

	/**
	 * The confirmation went before the forms fell due, without their link: they are then
	 * sent on their own.
	 */
	static Plan told(Plan plan) {
		PlannedMessage confirmation = plan.messages()
			.stream()
			.filter(message -> message.step() == Step.CONFIRMATION)
			.findFirst()
			.orElseThrow();
		Instant at = confirmation.dueAt();
		return plan.claim(confirmation.id(), "sender", at, Duration.ofMinutes(2))
			.flatMap(claimed -> claimed.settle(confirmation.id(), "sender",
					message -> Plan.sent(message, at, claimed.carriesFormsLink(message)), at))
			.orElseThrow();
	}

	static Plan due(Plan plan, long version, Instant now) {
		return plan.intakeChanged(event(version, IntakeStatusChanged.DUE), RULES, now).orElseThrow();
	}

	static IntakeStatusChanged event(long version, String status) {
		return new IntakeStatusChanged(new BookingId("b-1"), new LocationId(WALNUT_CREEK.id()), version, status,
				IntakeStatusChanged.DUE.equals(status) ? 2 : 0, null, BOOKED);
	}

}
