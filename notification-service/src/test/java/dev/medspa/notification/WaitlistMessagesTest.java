package dev.medspa.notification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed.ClientContact;
import dev.medspa.events.waitlist.WaitlistJoined;
import dev.medspa.events.waitlist.WaitlistLeft;
import dev.medspa.events.waitlist.WaitlistOffered;
import dev.medspa.notification.plan.BookingStatus;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Step;
import dev.medspa.notification.sms.SinkSmsSender;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.FlakyTcpProxy;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import dev.medspa.testsupport.SharedInfrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waitlist events in over the real broker, mail out over real SMTP (through a proxy that
 * can drop a connection, to hold an offer back for a moment), with the clock moved by
 * hand: the waiter hears they are on the list, then of an offer once, however often its
 * event comes; an offer that ran out, or whose place ended, before it could be sent is
 * never sent.
 */
@SpringBootTest(properties = { "medspa.notification.dispatch.interval=PT0.1S",
		"medspa.kafka.retry.initial-interval=PT0.2S", "medspa.kafka.retry.max-interval=PT1S",
		"medspa.notification.sms.sink-directory=${java.io.tmpdir}/medspa-sms-waitlist-test" })
@LocalInfrastructure
class WaitlistMessagesTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	static final FlakyTcpProxy SMTP = FlakyTcpProxy.to("127.0.0.1", SharedInfrastructure.get().mail().smtpPort());

	@TestConfiguration(proxyBeanMethods = false)
	static class Setup {

		@Bean
		MutableClock clock() {
			return new MutableClock(local(2026, 10, 20, 12, 0));
		}

		@Bean
		JavaMailSender mailSender() {
			return PipelineFixtures.mailSenderTo(SMTP.port());
		}

	}

	@AfterAll
	static void closeProxy() {
		SMTP.close();
	}

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	MutableClock clock;

	@Autowired
	PlanStore plans;

	@Autowired
	ManageLinks links;

	@Autowired
	SinkSmsSender sms;

	PipelineFixtures events;

	@BeforeEach
	void catalog() {
		this.clock.set(local(2026, 10, 20, 12, 0));
		this.events = new PipelineFixtures(this.kafka, this.topics);
		this.events.publishCatalog();
	}

	@Test
	void theWaiterHearsTheyAreOnTheListAndThenOfTheOfferOnceByMailAndSms() throws Exception {
		String email = PipelineFixtures.newEmail("waiter");
		String entry = "entry-" + UUID.randomUUID();
		this.events.publish(joined(entry, email, "+1 925 555 0199"), "joined-1");

		MimeMessage joined = awaitMail(email, 1);
		assertThat(joined.getSubject()).isEqualTo("You are on the waitlist at Evergreen Med Spa Walnut Creek");
		String text = PipelineFixtures.part(joined, "text/plain");
		assertThat(text).contains("Micro-needling")
			.contains("Walnut Creek, 1480 Locust Street")
			.contains("Monday, October 26 to Friday, November 6, 2026")
			.contains("Mondays or Wednesdays")
			.contains("mornings or afternoons");
		assertThat(this.links.waitlistEntryId(token(text, "http://127.0.0.1:8080/waitlist/"))).hasValue(entry);
		assertThat(PipelineFixtures.part(joined, "text/html")).contains("<table").contains("/waitlist/" + entry + ".");

		WaitlistOffered offer = offer(entry, 2, "offer-" + UUID.randomUUID(), email, "+1 925 555 0199",
				local(2026, 10, 28, 10, 0), local(2026, 10, 20, 14, 0));
		this.events.publish(offer, "offered-1");
		this.events.publish(offer, "offered-1");
		this.events.publish(offer, "offered-again");

		MimeMessage offered = awaitMail(email, 2);
		assertThat(offered.getSubject()).isEqualTo("A time has opened up for you at Evergreen Med Spa Walnut Creek");
		String offerText = PipelineFixtures.part(offered, "text/plain");
		assertThat(offerText).contains("Micro-needling")
			.contains("Wednesday, October 28, 2026 at 10:00 AM PDT (America/Los_Angeles)")
			.contains("until 2:00 PM PDT on Tuesday, October 20");
		assertThat(this.links.offerId(token(offerText, "http://127.0.0.1:8080/offer/"))).hasValue(offer.offerId());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.sms.recorded()).filteredOn(sms -> sms.id().startsWith(plan(entry)))
				.singleElement()
				.satisfies(sms -> assertThat(sms.text()).contains("Wed Oct 28 at 10:00 AM")
					.contains("until 2:00 PM on Tue Oct 20")
					.contains("http://127.0.0.1:8080/offer/" + this.links.offerToken(offer.offerId()))
					.doesNotContain("Micro-needling")));
		assertNoMoreMail(email, 2);
		assertThat(this.sms.recorded()).filteredOn(sms -> sms.id().startsWith(plan(entry))).hasSize(1);
		assertThat(message(entry, Step.OFFER).status()).isEqualTo(MessageStatus.SENT);
		assertThat(message(entry, Step.OFFER).attempts()).isEqualTo(1);
	}

	@Test
	void anOfferThatRanOutBeforeItCouldBeSentIsNotSent() {
		String email = PipelineFixtures.newEmail("late");
		String entry = "entry-" + UUID.randomUUID();
		// the mail server drops the first try; the next one is after the hold let go
		SMTP.dropNext(1);
		this.events.publish(offer(entry, 2, "offer-" + UUID.randomUUID(), email, null, local(2026, 10, 22, 10, 0),
				local(2026, 10, 20, 12, 30)), "offered-late");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(message(entry, Step.OFFER).attempts()).isEqualTo(1));
		assertThat(message(entry, Step.OFFER).status()).isEqualTo(MessageStatus.PLANNED);

		this.clock.set(local(2026, 10, 20, 12, 30));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(message(entry, Step.OFFER).status()).isEqualTo(MessageStatus.CANCELLED));
		assertThat(message(entry, Step.OFFER).reason()).isEqualTo("the offer ran out before it could be sent");

		// an offer whose event comes after its hold let go is not sent either
		String later = "entry-" + UUID.randomUUID();
		this.events.publish(offer(later, 2, "offer-" + UUID.randomUUID(), email, null, local(2026, 10, 22, 10, 0),
				local(2026, 10, 20, 12, 15)), "offered-too-late");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(message(later, Step.OFFER).status()).isEqualTo(MessageStatus.CANCELLED));
		assertNoMoreMail(email, 0);
	}

	@Test
	void aPlaceThatEndsBeforeItsOfferIsSentDropsTheOffer() {
		String email = PipelineFixtures.newEmail("leaver");
		String entry = "entry-" + UUID.randomUUID();
		this.events.publish(joined(entry, email, null), "joined-leaver");
		awaitMail(email, 1);

		SMTP.dropNext(1);
		this.events.publish(offer(entry, 2, "offer-" + UUID.randomUUID(), email, null, local(2026, 10, 22, 10, 0),
				local(2026, 10, 20, 14, 0)), "offered-leaver");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(message(entry, Step.OFFER).attempts()).isEqualTo(1));
		this.events.publish(new WaitlistLeft(entry, 3, "LEFT", this.clock.instant()), "left");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.plans.find(Plan.waitlistId(entry)).orElseThrow().status() == BookingStatus.LEFT);
		assertThat(message(entry, Step.OFFER).status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(message(entry, Step.OFFER).reason()).isEqualTo("the place on the waitlist ended");

		// the mail server is back and the retry would be due: still nothing
		this.clock.set(local(2026, 10, 20, 12, 10));
		assertNoMoreMail(email, 1);
	}

	@Test
	void aPlaceErasedWithItsClientNoLongerNamesThemHere() {
		String email = PipelineFixtures.newEmail("erased-waiter");
		String entry = "entry-" + UUID.randomUUID();
		this.events.publish(joined(entry, email, "+1 925 555 0143"), "joined-erased");
		awaitMail(email, 1);
		this.events.publish(new WaitlistLeft(entry, 2, "ERASED", this.clock.instant()), "erased");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.plans.find(Plan.waitlistId(entry)).orElseThrow().status() == BookingStatus.LEFT);
		Plan plan = this.plans.find(Plan.waitlistId(entry)).orElseThrow();
		assertThat(plan.toString()).doesNotContain(email).doesNotContain("Ana Gomez").doesNotContain("555 0143");
	}

	private WaitlistJoined joined(String entry, String email, @Nullable String phone) {
		return new WaitlistJoined(entry, 1, new TreatmentId(PipelineFixtures.MICRONEEDLING),
				new LocationId(PipelineFixtures.WALNUT_CREEK), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 6),
				List.of("MORNING", "AFTERNOON"), List.of(DayOfWeek.WEDNESDAY, DayOfWeek.MONDAY),
				new ClientContact("Ana Gomez", email, phone, phone != null), this.clock.instant());
	}

	private WaitlistOffered offer(String entry, long version, String offerId, String email, @Nullable String phone,
			Instant start, Instant expiresAt) {
		return new WaitlistOffered(entry, version, offerId, new TreatmentId(PipelineFixtures.MICRONEEDLING),
				new LocationId(PipelineFixtures.WALNUT_CREEK), start, start.plus(Duration.ofHours(1)), expiresAt,
				new ClientContact("Ana Gomez", email, phone, phone != null), this.clock.instant());
	}

	private PlannedMessage message(String entry, Step step) {
		return this.plans.find(Plan.waitlistId(entry))
			.flatMap(plan -> plan.messages().stream().filter(message -> message.step() == step).findFirst())
			.orElseThrow(() -> new AssertionError("no " + step + " planned yet for " + entry));
	}

	private static String plan(String entry) {
		return Plan.waitlistId(entry) + ":";
	}

	/** The token after a link's base in a message's text. */
	private static String token(String text, String base) {
		int at = text.indexOf(base);
		assertThat(at).as("a link starting " + base).isNotNegative();
		return text.substring(at + base.length()).split("\\s", 2)[0];
	}

	private static MimeMessage awaitMail(String address, int count) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(address)).hasSizeGreaterThanOrEqualTo(count));
		List<MimeMessage> mail = PipelineFixtures.mailTo(address);
		assertThat(mail).hasSize(count);
		return mail.get(count - 1);
	}

	private static void assertNoMoreMail(String address, int count) {
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(address)).hasSize(count));
	}

	static Instant local(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(LA).toInstant();
	}

}
