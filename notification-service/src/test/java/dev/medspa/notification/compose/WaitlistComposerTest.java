package dev.medspa.notification.compose;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed.ClientContact;
import dev.medspa.events.waitlist.WaitlistJoined;
import dev.medspa.events.waitlist.WaitlistOffered;
import dev.medspa.notification.mail.EmailSender.Email;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Step;
import dev.medspa.notification.sms.SmsSender.Sms;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static dev.medspa.notification.compose.MessageComposerTest.LINKS;
import static dev.medspa.notification.compose.MessageComposerTest.MICRONEEDLING;
import static dev.medspa.notification.compose.MessageComposerTest.PROPERTIES;
import static dev.medspa.notification.compose.MessageComposerTest.SCOTTSDALE;
import static org.assertj.core.api.Assertions.assertThat;

/** The waitlist's messages, in words: what the waiter asked for, and the offer's slot. */
class WaitlistComposerTest {

	static final Instant NOW = Instant.parse("2026-07-01T16:00:00Z");

	final MessageComposer composer = new MessageComposer(PROPERTIES, LINKS, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void theJoinedMailRepeatsTheWishesAndCarriesTheWaitlistLink() {
		Plan plan = Plan.joinedWaitlist(joined("scottsdale", List.of("EVENING"),
				List.of(DayOfWeek.FRIDAY, DayOfWeek.TUESDAY, DayOfWeek.SATURDAY)), SCOTTSDALE);
		Email email = this.composer.email(plan, only(plan, Step.WAITLIST_JOINED), MICRONEEDLING, SCOTTSDALE, null);

		assertThat(email.subject()).isEqualTo("You are on the waitlist at Evergreen Med Spa Scottsdale")
			.doesNotContainIgnoringCase("needling");
		assertThat(email.text()).contains("Hello Ana <Gomez>")
			.contains("What:     Micro-needling")
			.contains("Where:    Scottsdale, 7014 East Camelback Road")
			.contains("Dates:    Monday, July 6 to Friday, July 31, 2026")
			.contains("Weekdays: Tuesdays, Fridays or Saturdays")
			.contains("Times:    evenings")
			.contains("https://book.example/waitlist/" + LINKS.waitlistToken("entry-1"))
			.doesNotContainIgnoringCase("unsubscribe");
		assertThat(email.html()).contains("Hello Ana &lt;Gomez&gt;")
			.contains("href=\"https://book.example/waitlist/" + LINKS.waitlistToken("entry-1") + "\"");
		assertThat(email.calendar()).isNull();
		assertThat(email.reference()).isEqualTo("waitlist-entry-1:waitlist-joined:v1");
	}

	@Test
	void aWaiterWhoTakesAnyLocationAnyTimeIsToldSo() {
		Plan plan = Plan.joinedWaitlist(joined(null, List.of(), List.of()), null);
		Email email = this.composer.email(plan, only(plan, Step.WAITLIST_JOINED), MICRONEEDLING, null, null);

		assertThat(email.subject()).isEqualTo("You are on the waitlist at Evergreen Med Spa");
		assertThat(email.text()).contains("Where:    any location")
			.contains("Weekdays: any day of the week")
			.contains("Times:    any time of day");
	}

	@Test
	void theOfferShowsTheSlotAndTheHoldInTheLocationsZoneWithItsOneClickLink() {
		Plan plan = Plan.offeredWaitlist(offer("+1 480 555 0199"), SCOTTSDALE);
		Email email = this.composer.email(plan, only(plan, Step.OFFER), MICRONEEDLING, SCOTTSDALE, null);

		assertThat(email.subject()).isEqualTo("A time has opened up for you at Evergreen Med Spa Scottsdale");
		assertThat(email.text()).contains("Micro-needling")
			.contains("Wednesday, July 15, 2026 at 10:00 AM MST (America/Phoenix)")
			.contains("until 11:00 AM MST on Wednesday, July 1")
			.contains("https://book.example/offer/" + LINKS.offerToken("offer-9"));
		assertThat(email.html()).contains("href=\"https://book.example/offer/" + LINKS.offerToken("offer-9") + "\"");
		assertThat(LINKS.offerId(LINKS.offerToken("offer-9"))).hasValue("offer-9");

		Sms sms = this.composer.sms(plan, only(plan, Step.SMS_OFFER), SCOTTSDALE);
		assertThat(sms.text()).isEqualTo("Evergreen Med Spa: a time has opened up for you, Wed Jul 15 at 10:00 AM"
				+ " at Scottsdale. We hold it for you until 11:00 AM on Wed Jul 1. Book it: https://book.example/offer/"
				+ LINKS.offerToken("offer-9"));
		assertThat(sms.to()).isEqualTo("+1 480 555 0199");
	}

	@Test
	void noTextIsPlannedWithoutConsent() {
		Plan plan = Plan.offeredWaitlist(offer(null), SCOTTSDALE);
		assertThat(plan.messages()).extracting(PlannedMessage::step).containsExactly(Step.OFFER);
	}

	private static PlannedMessage only(Plan plan, Step step) {
		return plan.messages().stream().filter(message -> message.step() == step).findFirst().orElseThrow();
	}

	private static WaitlistJoined joined(@Nullable String location, List<String> parts, List<DayOfWeek> days) {
		return new WaitlistJoined("entry-1", 1, new TreatmentId("microneedling"),
				(location != null) ? new LocationId(location) : null, LocalDate.of(2026, 7, 6),
				LocalDate.of(2026, 7, 31), parts, days,
				new ClientContact("Ana <Gomez>", "ana@example.com", null, false), NOW);
	}

	private static WaitlistOffered offer(@Nullable String phone) {
		Instant start = Instant.parse("2026-07-15T17:00:00Z");
		return new WaitlistOffered("entry-1", 2, "offer-9", new TreatmentId("microneedling"),
				new LocationId("scottsdale"), start, start.plusSeconds(3600), NOW.plusSeconds(7200),
				new ClientContact("Ana <Gomez>", "ana@example.com", phone, phone != null), NOW);
	}

}
