package dev.medspa.notification.plan;

import dev.medspa.support.timeline.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.catalog.TreatmentSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");

	static final PlanRules RULES = new PlanRules(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)),
			Duration.ofDays(1), Duration.ofHours(2), Duration.ofDays(2));

	static final TreatmentSummary MICRONEEDLING = new TreatmentSummary("microneedling", "Micro-needling", true, 1,
			"No retinoids for three days before.",
			List.of(new TreatmentSummary.Aftercare("guide", Duration.ZERO, "The whole guide"),
					new TreatmentSummary.Aftercare("makeup-ok", Duration.ofHours(24), "Makeup is fine again"),
					new TreatmentSummary.Aftercare("products-ok", Duration.ofHours(72), "Products may return"),
					new TreatmentSummary.Aftercare("week-check-in", Duration.ofDays(7), "How does your skin feel?")),
			3, Period.ofWeeks(6));

	static final LocationSummary WALNUT_CREEK = new LocationSummary("walnut-creek", "Walnut Creek", "1480 Locust St",
			"+1 925 555 0140", "America/Los_Angeles", true, 1);

	static final LocationSummary SCOTTSDALE = new LocationSummary("scottsdale", "Scottsdale", "7014 E Camelback Rd",
			"+1 480 555 0112", "America/Phoenix", true, 1);

	@Test
	void aConfirmationPlansTheConfirmationRemindersAndPreCareInLocalTime() {
		Plan plan = confirmed(local(2026, 12, 10, 10, 0, LA), local(2026, 12, 1, 9, 0, LA), true, WALNUT_CREEK);

		Map<Step, Instant> due = dueByStep(plan);
		assertThat(due).containsEntry(Step.CONFIRMATION, local(2026, 12, 1, 9, 0, LA))
			.containsEntry(Step.REMINDER, local(2026, 12, 9, 10, 0, LA))
			.containsEntry(Step.SMS_REMINDER, local(2026, 12, 10, 8, 0, LA))
			.containsEntry(Step.PRE_CARE, local(2026, 12, 8, 10, 0, LA));
		assertThat(plan.messages()).extracting(PlannedMessage::id)
			.contains("b-1:confirmation:v1", "b-1:reminder:v1", "b-1:sms-reminder:v1", "b-1:pre-care:v1");
		assertThat(plan.nextDueAt()).isEqualTo(local(2026, 12, 1, 9, 0, LA));
	}

	@Test
	void noSmsWithoutConsentAndNoReminderThatWouldComeAfterTheBooking() {
		// booked at 16:00 for 10:00 the next morning: the day-before reminder is past
		Plan plan = confirmed(local(2026, 12, 10, 10, 0, LA), local(2026, 12, 9, 16, 0, LA), false, WALNUT_CREEK);

		assertThat(dueByStep(plan)).containsOnlyKeys(Step.CONFIRMATION, Step.PRE_CARE)
			.containsEntry(Step.PRE_CARE, local(2026, 12, 9, 16, 0, LA));
	}

	@Test
	void aReminderDueInTheNightComesTheEveningBefore() {
		// an 09:00 appointment: the SMS two hours before would land at 07:00
		Plan plan = confirmed(local(2026, 12, 10, 9, 0, LA), local(2026, 12, 1, 12, 0, LA), true, WALNUT_CREEK);

		assertThat(dueByStep(plan)).containsEntry(Step.SMS_REMINDER, local(2026, 12, 9, 20, 30, LA));
	}

	@Test
	void theDayBeforeReminderKeepsTheLocalTimeAcrossTheSpringChange() {
		// clocks in California spring forward at 02:00 on Sunday 8 March 2026: 10:00 on
		// Saturday is only 23 hours before 10:00 on Sunday
		Plan plan = confirmed(local(2026, 3, 8, 10, 0, LA), local(2026, 3, 1, 12, 0, LA), false, WALNUT_CREEK);

		assertThat(dueByStep(plan)).containsEntry(Step.REMINDER, local(2026, 3, 7, 10, 0, LA));
		assertThat(Duration.between(dueByStep(plan).get(Step.REMINDER), plan.start())).isEqualTo(Duration.ofHours(23));
	}

	@Test
	void aftercareIsTimedFromTheRealEndAndKeepsLocalTimeAcrossTheAutumnChange() {
		// clocks in California fall back on Sunday 1 November 2026
		Plan plan = confirmed(local(2026, 10, 30, 10, 0, LA), local(2026, 10, 20, 12, 0, LA), false, WALNUT_CREEK)
			.checkedIn(new BookingCheckedIn(new BookingId("b-1"), 2, local(2026, 10, 30, 9, 55, LA)));
		Instant ended = local(2026, 10, 30, 11, 12, LA);
		plan = plan.completed(new BookingCompleted(new BookingId("b-1"), 3, new TreatmentId("microneedling"), ended),
				MICRONEEDLING, RULES);

		Map<String, Instant> aftercare = aftercareDue(plan);
		assertThat(aftercare).containsEntry("guide", ended)
			.containsEntry("makeup-ok", local(2026, 10, 31, 11, 12, LA))
			.containsEntry("products-ok", local(2026, 11, 2, 11, 12, LA))
			.containsEntry("week-check-in", local(2026, 11, 6, 11, 12, LA));
		assertThat(dueByStep(plan)).containsEntry(Step.REBOOK_NUDGE, local(2026, 12, 11, 11, 12, LA));
		assertThat(plan.messages()).filteredOn(message -> message.step().anchoredToStart())
			.allMatch(message -> message.status() == MessageStatus.CANCELLED);
	}

	@Test
	void aftercareNeverComesEarlyWhenSpringingForwardShortensTheDays() {
		// clocks in California spring forward at 02:00 on Sunday 8 March 2026: 15:07 on
		// Sunday is only 23 hours after 15:07 on Saturday, too early for "24 hours
		// without
		// makeup"
		Plan plan = confirmed(local(2026, 3, 7, 14, 0, LA), local(2026, 3, 1, 12, 0, LA), false, WALNUT_CREEK);
		Instant ended = local(2026, 3, 7, 15, 7, LA);
		plan = plan.completed(new BookingCompleted(new BookingId("b-1"), 2, new TreatmentId("microneedling"), ended),
				MICRONEEDLING, RULES);

		Map<String, Instant> aftercare = aftercareDue(plan);
		assertThat(aftercare).containsEntry("makeup-ok", ended.plus(Duration.ofHours(24)))
			.containsEntry("makeup-ok", local(2026, 3, 8, 16, 7, LA))
			.containsEntry("week-check-in", ended.plus(Duration.ofDays(7)));
	}

	@Test
	void aReminderStillClaimedWhenTheAppointmentBeginsIsTooLate() {
		Plan plan = confirmed(local(2026, 12, 10, 10, 0, LA), local(2026, 12, 1, 9, 0, LA), true, WALNUT_CREEK);
		PlannedMessage sms = plan.message("b-1:sms-reminder:v1").orElseThrow();

		assertThat(plan.tooLate(sms, local(2026, 12, 10, 9, 59, LA))).isNull();
		assertThat(plan.tooLate(sms, local(2026, 12, 10, 10, 0, LA)))
			.isEqualTo("the appointment had begun before it could be sent");
		assertThat(plan.tooLate(plan.message("b-1:confirmation:v1").orElseThrow(), local(2026, 12, 10, 10, 0, LA)))
			.isNull();
	}

	@Test
	void aftercareDueAtNightWaitsForTheMorningInPhoenixToo() {
		Plan plan = confirmed(local(2026, 7, 15, 19, 0, PHOENIX), local(2026, 7, 1, 12, 0, PHOENIX), false, SCOTTSDALE);
		Instant ended = local(2026, 7, 15, 21, 30, PHOENIX);
		plan = plan.completed(new BookingCompleted(new BookingId("b-1"), 2, new TreatmentId("microneedling"), ended),
				MICRONEEDLING, RULES);

		Map<String, Instant> aftercare = aftercareDue(plan);
		assertThat(aftercare).containsEntry("guide", local(2026, 7, 16, 8, 0, PHOENIX))
			.containsEntry("makeup-ok", local(2026, 7, 17, 8, 0, PHOENIX))
			.containsEntry("week-check-in", local(2026, 7, 23, 8, 0, PHOENIX));
	}

	@Test
	void aRescheduleCancelsTheOldRemindersAndPlansNewOnesUnderANewVersion() {
		Plan plan = confirmed(local(2026, 12, 10, 10, 0, LA), local(2026, 12, 1, 9, 0, LA), true, WALNUT_CREEK);
		Instant newStart = local(2026, 12, 17, 14, 0, LA);
		plan = plan.rescheduled(new BookingRescheduled(new BookingId("b-1"), 2, new LocationId("walnut-creek"),
				new PractitionerId("p"), local(2026, 12, 10, 10, 0, LA), newStart, newStart.plusSeconds(3600),
				local(2026, 12, 2, 9, 0, LA)), MICRONEEDLING, WALNUT_CREEK, RULES);

		assertThat(plan.message("b-1:reminder:v1")).hasValueSatisfying(old -> {
			assertThat(old.status()).isEqualTo(MessageStatus.CANCELLED);
			assertThat(old.reason()).contains("moved");
		});
		assertThat(plan.message("b-1:reminder:v2"))
			.hasValueSatisfying(reminder -> assertThat(reminder.dueAt()).isEqualTo(local(2026, 12, 16, 14, 0, LA)));
		assertThat(plan.message("b-1:update:v2")).isPresent();
		assertThat(plan.scheduleVersion()).isEqualTo(2);
	}

	@Test
	void aCancellationCancelsEverythingStillPlannedAndPlansTheNotice() {
		Plan plan = confirmed(local(2026, 12, 10, 10, 0, LA), local(2026, 12, 1, 9, 0, LA), true, WALNUT_CREEK)
			.cancelled(new BookingCancelled(new BookingId("b-1"), 2, true, local(2026, 12, 2, 9, 0, LA)));

		assertThat(plan.messages()).filteredOn(message -> message.step() != Step.CANCELLATION).allSatisfy(message -> {
			assertThat(message.status()).isEqualTo(MessageStatus.CANCELLED);
			assertThat(message.reason()).isEqualTo("the booking was cancelled");
		});
		assertThat(plan.message("b-1:cancellation:v2"))
			.hasValueSatisfying(message -> assertThat(message.status()).isEqualTo(MessageStatus.PLANNED));
	}

	@Test
	void aNoShowPlansAnOfferToRebookInTheMorning() {
		Plan plan = confirmed(local(2026, 12, 10, 20, 0, LA), local(2026, 12, 1, 9, 0, LA), false, WALNUT_CREEK)
			.noShow(new BookingNoShow(new BookingId("b-1"), 2, local(2026, 12, 10, 21, 15, LA)), RULES);

		assertThat(plan.message("b-1:no-show:v2"))
			.hasValueSatisfying(message -> assertThat(message.dueAt()).isEqualTo(local(2026, 12, 11, 8, 0, LA)));
	}

	@Test
	void aClaimedMessageIsStaleOnceTheBookingIsCancelledOrMoved() {
		Instant now = local(2026, 12, 9, 10, 0, LA);
		Plan plan = confirmed(local(2026, 12, 10, 10, 0, LA), local(2026, 12, 1, 9, 0, LA), false, WALNUT_CREEK)
			.claim("b-1:reminder:v1", "sender-1", now, Duration.ofMinutes(2))
			.orElseThrow();
		PlannedMessage reminder = plan.message("b-1:reminder:v1").orElseThrow();
		assertThat(reminder.status()).isEqualTo(MessageStatus.SENDING);
		assertThat(plan.staleReason(reminder)).isNull();

		Plan cancelled = plan.cancelled(new BookingCancelled(new BookingId("b-1"), 2, true, now));
		assertThat(cancelled.message("b-1:reminder:v1")).get()
			.extracting(PlannedMessage::status)
			.isEqualTo(MessageStatus.SENDING);
		assertThat(cancelled.staleReason(reminder)).isEqualTo("the booking was cancelled");

		Instant moved = local(2026, 12, 20, 10, 0, LA);
		Plan rescheduled = plan
			.rescheduled(
					new BookingRescheduled(new BookingId("b-1"), 2, new LocationId("walnut-creek"),
							new PractitionerId("p"), plan.start(), moved, moved.plusSeconds(3600), now),
					MICRONEEDLING, WALNUT_CREEK, RULES);
		assertThat(rescheduled.staleReason(reminder)).isEqualTo("the booking moved after it was planned");
	}

	@Test
	void onlyOneSenderHoldsAMessageAndOnlyItsHolderSettlesIt() {
		Instant now = local(2026, 12, 1, 9, 0, LA);
		Plan plan = confirmed(local(2026, 12, 10, 10, 0, LA), now, false, WALNUT_CREEK);
		Plan claimed = plan.claim("b-1:confirmation:v1", "one", now, Duration.ofMinutes(2)).orElseThrow();

		assertThat(claimed.claim("b-1:confirmation:v1", "two", now.plusSeconds(60), Duration.ofMinutes(2))).isEmpty();
		assertThat(claimed.settle("b-1:confirmation:v1", "two", message -> Plan.sent(message, now), now)).isEmpty();
		Plan takenOver = claimed.claim("b-1:confirmation:v1", "two", now.plusSeconds(121), Duration.ofMinutes(2))
			.orElseThrow(() -> new AssertionError("a lease that ran out may be taken over"));
		assertThat(takenOver.settle("b-1:confirmation:v1", "one", message -> Plan.sent(message, now), now))
			.as("the sender whose lease was taken over records nothing")
			.isEmpty();
		Plan sent = claimed.settle("b-1:confirmation:v1", "one", message -> Plan.sent(message, now), now).orElseThrow();
		assertThat(sent.claim("b-1:confirmation:v1", "two", now.plusSeconds(500), Duration.ofMinutes(2))).isEmpty();
	}

	@Test
	void quietHoursMoveLaterToTheMorningAndEarlierToTheEvening() {
		QuietHours night = RULES.quietHours();
		assertThat(night.later(local(2026, 12, 1, 23, 0, LA), LA)).isEqualTo(local(2026, 12, 2, 8, 0, LA));
		assertThat(night.later(local(2026, 12, 2, 6, 0, LA), LA)).isEqualTo(local(2026, 12, 2, 8, 0, LA));
		assertThat(night.later(local(2026, 12, 2, 8, 0, LA), LA)).isEqualTo(local(2026, 12, 2, 8, 0, LA));
		assertThat(night.earlier(local(2026, 12, 2, 6, 0, LA), LA)).isEqualTo(local(2026, 12, 1, 20, 30, LA));
		assertThat(night.earlier(local(2026, 12, 1, 22, 0, LA), LA)).isEqualTo(local(2026, 12, 1, 20, 30, LA));
		assertThat(night.contains(local(2026, 12, 1, 20, 59, LA), LA)).isFalse();
	}

	static Plan confirmed(Instant start, Instant confirmedAt, boolean sms, LocationSummary location) {
		return Plan.confirmed(new BookingConfirmed(new BookingId("b-1"), 1, new TreatmentId("microneedling"),
				new LocationId(location.id()), start, start.plusSeconds(3600),
				new BookingConfirmed.ClientContact("Ana", "Ana@Example.com", "+1 925 555 0199", sms), confirmedAt,
				new PractitionerId("p"), "token"), MICRONEEDLING, location, RULES);
	}

	static Map<String, Instant> aftercareDue(Plan plan) {
		return plan.messages()
			.stream()
			.filter(message -> message.step() == Step.AFTERCARE)
			.collect(Collectors.toMap(PlannedMessage::key, PlannedMessage::dueAt));
	}

	static Map<Step, Instant> dueByStep(Plan plan) {
		return plan.messages()
			.stream()
			.filter(message -> message.status() == MessageStatus.PLANNED)
			.collect(Collectors.toMap(PlannedMessage::step, PlannedMessage::dueAt, (first, second) -> first));
	}

	static Instant local(int year, int month, int day, int hour, int minute, ZoneId zone) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant();
	}

	@org.junit.jupiter.api.Test
	void aReasonNamesNoAddressOrPhoneNumberInTheLedger() {
		PlannedMessage failed = new PlannedMessage("b:confirmation:v1", Step.CONFIRMATION, null, Channel.EMAIL, 1,
				java.time.Instant.EPOCH, MessageStatus.FAILED, 1, null, null, null, null,
				"550 <ana.gomez@example.com> refused; SMS +1 925 555 0199 too", null, null, null);
		org.assertj.core.api.Assertions.assertThat(failed.reason())
			.isEqualTo("550 <a***@example.com> refused; SMS ***99 too");
	}

}
