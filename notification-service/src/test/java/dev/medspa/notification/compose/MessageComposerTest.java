package dev.medspa.notification.compose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import dev.medspa.support.links.ManageLinks;
import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.catalog.TreatmentSummary;
import dev.medspa.notification.config.NotificationProperties;
import dev.medspa.notification.config.TestNotificationProperties;
import dev.medspa.notification.mail.EmailSender.Email;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanRules;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.support.timeline.QuietHours;
import dev.medspa.notification.plan.Step;
import dev.medspa.notification.sms.SmsSender.Sms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageComposerTest {

	static final NotificationProperties PROPERTIES = TestNotificationProperties.DEFAULTS;

	static final TreatmentSummary MICRONEEDLING = new TreatmentSummary("microneedling", "Micro-needling", true, 1,
			"Avoid retinoids for three days.",
			List.of(new TreatmentSummary.Aftercare("guide", Duration.ZERO, "Cleanse gently for 72 hours.")), 3,
			Period.ofWeeks(6));

	static final LocationSummary SCOTTSDALE = new LocationSummary("scottsdale", "Scottsdale",
			"7014 East Camelback Road, Scottsdale, AZ 85251", "+1 480 555 0112", "America/Phoenix", true, 1);

	static final ManageLinks LINKS = new ManageLinks(List.of("a-key-for-these-tests-only-0123456789"));

	final MessageComposer composer = new MessageComposer(PROPERTIES, LINKS,
			Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC));

	@ParameterizedTest
	@EnumSource(value = Step.class, names = { "SMS_REMINDER", "WAITLIST_JOINED", "OFFER", "SMS_OFFER",
			"SERIES_CONFIRMATION", "PACKAGE_RECEIPT" }, mode = EnumSource.Mode.EXCLUDE)
	void noSubjectNamesTheTreatmentAndEveryBodyHasTextAndHtml(Step step) {
		Email email = this.composer.email(plan(), message(step), MICRONEEDLING, SCOTTSDALE,
				step.optional() ? "https://book.example/unsubscribe/tok" : null);

		assertThat(email.subject()).doesNotContainIgnoringCase("needling").contains("Evergreen Med Spa");
		assertThat(email.text()).contains("Hello Ana <Gomez>");
		assertThat(email.html()).contains("Hello Ana &lt;Gomez&gt;").doesNotContain("Ana <Gomez>");
		assertThat(email.reference()).isEqualTo(message(step).id());
	}

	@Test
	void theConfirmationShowsLocalTimeInPhoenixAndCarriesTheInviteAndManageLink() {
		Email email = this.composer.email(plan(), message(Step.CONFIRMATION), MICRONEEDLING, SCOTTSDALE, null);

		assertThat(email.text()).contains("Wednesday, July 15, 2026 at 10:00 AM MST (America/Phoenix)")
			.contains("https://book.example/manage/" + LINKS.token("b-1"))
			.doesNotContain("token-1");
		assertThat(email.calendar()).isNotNull();
		assertThat(email.calendar().content()).contains("METHOD:REQUEST").contains("TZID=America/Phoenix");
		assertThat(email.unsubscribeUrl()).isNull();
	}

	@Test
	void aLineBreakInANameCannotAddAHeaderOrACalendarProperty() {
		Instant start = Instant.parse("2026-07-15T17:00:00Z");
		Plan injected = Plan.confirmed(new BookingConfirmed(new BookingId("b-2"), 1, new TreatmentId("microneedling"),
				new LocationId("scottsdale"), start, start.plusSeconds(3600),
				new BookingConfirmed.ClientContact("Ana\r\nBcc: evil@example.com\r\nATTENDEE:mailto:evil@example.com",
						"ana@example.com", "+1 480 555 0199", true),
				Instant.parse("2026-07-01T12:00:00Z"), new PractitionerId("p"), "token-2"), MICRONEEDLING, SCOTTSDALE,
				new PlanRules(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), Duration.ofDays(1),
						Duration.ofHours(2), Duration.ofDays(2)));
		Email email = this.composer.email(injected, injected.messages().get(0), MICRONEEDLING, SCOTTSDALE, null);
		assertThat(email.text()).doesNotContain("\nBcc:").contains("Ana  Bcc: evil@example.com");
		assertThat(email.calendar().content().lines()).noneMatch(line -> line.startsWith("ATTENDEE:mailto:evil"))
			.noneMatch(line -> line.startsWith("Bcc:"));
	}

	@Test
	void aftercareSaysTheProtocolsStepAndTheNudgeOffersUnsubscribing() {
		Email aftercare = this.composer.email(plan(), message(Step.AFTERCARE), MICRONEEDLING, SCOTTSDALE, null);
		assertThat(aftercare.text()).contains("Cleanse gently for 72 hours.");
		assertThat(aftercare.calendar()).isNull();

		Email nudge = this.composer.email(plan(), message(Step.REBOOK_NUDGE), MICRONEEDLING, SCOTTSDALE,
				"https://book.example/unsubscribe/tok");
		assertThat(nudge.text()).contains("https://book.example/unsubscribe/tok");
		assertThat(nudge.html()).contains("href=\"https://book.example/unsubscribe/tok\"");
		assertThat(nudge.unsubscribeUrl()).isEqualTo("https://book.example/unsubscribe/tok");
	}

	@ParameterizedTest
	@EnumSource(value = Step.class, names = { "SMS_REMINDER", "REBOOK_NUDGE", "WAITLIST_JOINED", "OFFER", "SMS_OFFER",
			"SERIES_CONFIRMATION", "PACKAGE_RECEIPT" }, mode = EnumSource.Mode.EXCLUDE)
	void onlyOptionalMessagesOfferUnsubscribing(Step step) {
		Email email = this.composer.email(plan(), message(step), MICRONEEDLING, SCOTTSDALE, null);

		assertThat(email.html()).doesNotContainIgnoringCase("unsubscribe").doesNotContain("href=\"\"");
		assertThat(email.text()).doesNotContainIgnoringCase("unsubscribe");
	}

	@Test
	void theLinkIsDerivedFromTheBookingAndNeitherTheEventsTokenNorAnyIsStored() {
		Plan plan = plan();
		assertThat(plan.manageToken()).isNull();
		Email email = this.composer.email(plan, message(Step.REMINDER), MICRONEEDLING, SCOTTSDALE, null);

		assertThat(email.text()).contains("https://book.example/manage/" + LINKS.token("b-1"))
			.contains("Or call us at +1 480 555 0112");
	}

	@Test
	void theSmsNamesNoTreatmentAndShowsTheLocalTime() {
		Sms sms = this.composer.sms(plan(), message(Step.SMS_REMINDER), SCOTTSDALE);

		assertThat(sms.text()).isEqualTo(
				"Evergreen Med Spa: see you Wed Jul 15 at 10:00 AM at Scottsdale. To change it: https://book.example/manage/"
						+ LINKS.token("b-1"));
		assertThat(sms.to()).isEqualTo("+1 480 555 0199");
	}

	static Plan plan() {
		Instant start = Instant.parse("2026-07-15T17:00:00Z");
		return Plan
			.confirmed(
					new BookingConfirmed(new BookingId("b-1"), 1, new TreatmentId("microneedling"),
							new LocationId("scottsdale"), start, start.plusSeconds(3600),
							new BookingConfirmed.ClientContact("Ana <Gomez>", "ana@example.com", "+1 480 555 0199",
									true),
							Instant.parse("2026-07-01T12:00:00Z"), new PractitionerId("p"), "token-1"),
					MICRONEEDLING, SCOTTSDALE, new PlanRules(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)),
							Duration.ofDays(1), Duration.ofHours(2), Duration.ofDays(2)));
	}

	static PlannedMessage message(Step step) {
		return new PlannedMessage("b-1:" + step.name().toLowerCase() + ":v1", step,
				step == Step.AFTERCARE ? "guide" : null, step.channel(), 1, Instant.parse("2026-07-14T17:00:00Z"),
				dev.medspa.notification.plan.MessageStatus.PLANNED, 0, null, null, null, null, null,
				step == Step.AFTERCARE ? "Cleanse gently for 72 hours." : null, null, null);
	}

}
