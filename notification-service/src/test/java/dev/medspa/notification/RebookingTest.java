package dev.medspa.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.BookingId;
import dev.medspa.events.EventContracts;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.events.waitlist.WaitlistJoined;
import dev.medspa.notification.catalog.CatalogReadModel;
import dev.medspa.notification.delivery.Dispatcher;
import dev.medspa.notification.plan.BookingStatus;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebooking in one click, over the real broker, store and SMTP server with the dispatcher
 * driven by hand: the nudge and the no-show note open the booking flow with the
 * treatment, location and practitioner of the booking they follow, from the day the next
 * session is due (or today); and a client who joins the waitlist for the treatment gets
 * no nudge.
 */
@SpringBootTest(properties = { "medspa.notification.dispatch.interval=PT1H",
		"medspa.kafka.retry.initial-interval=PT0.2S", "medspa.kafka.retry.max-interval=PT1S" })
@LocalInfrastructure
class RebookingTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");

	static final String NUDGE_SUBJECT = "Time for your next session";

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(local(2026, 10, 20, 12, 0));
		}

	}

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	MutableClock clock;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	PlanStore plans;

	@Autowired
	CatalogReadModel catalog;

	PipelineFixtures events;

	@BeforeEach
	void catalog() {
		this.clock.set(local(2026, 10, 20, 12, 0));
		this.events = new PipelineFixtures(this.kafka, this.topics);
		this.events.publishCatalog();
	}

	@Test
	void theNudgeOpensTheCalendarOnTheDayTheNextSessionIsDueWithTheSamePractitioner() {
		String email = PipelineFixtures.newEmail("series");
		String id = "series-" + email.substring(7, 15);
		// ended at 11:10 on 21 October; the series' spacing is six weeks
		complete(id, email, local(2026, 10, 21, 10, 0));

		this.clock.set(local(2026, 12, 2, 12, 0));
		this.dispatcher.dispatchDue();

		MimeMessage nudge = mailWithSubject(email, NUDGE_SUBJECT);
		String link = "http://127.0.0.1:8080/book/microneedling/walnut-creek?practitioner=maya-chen&from=2026-12-02";
		assertThat(PipelineFixtures.part(nudge, "text/plain")).contains("Book it here: " + link + " ");
		assertThat(PipelineFixtures.part(nudge, "text/html")).contains("href=\"" + htmlEscaped(link) + "\"")
			.doesNotContain("href=\"http://127.0.0.1:8080/book\"");
	}

	@Test
	void theNoShowNoteOpensTheCalendarFromTodayWhereTheBookingLastWas() {
		String email = PipelineFixtures.newEmail("missed");
		String id = "missed-" + email.substring(7, 15);
		this.events
			.publish(PipelineFixtures.confirmed(id, email, null, local(2026, 10, 27, 11, 0), this.clock.instant()));
		// moved to Scottsdale, with another practitioner: the note follows the move
		Instant moved = LocalDateTime.of(2026, 10, 28, 9, 0).atZone(PHOENIX).toInstant();
		this.events.publish(new BookingRescheduled(new BookingId(id), 2, new LocationId(PipelineFixtures.SCOTTSDALE),
				new PractitionerId("jordan-lee"), local(2026, 10, 27, 11, 0), moved, moved.plus(Duration.ofHours(1)),
				this.clock.instant()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.plans.find(id).map(plan -> plan.bookingVersion() == 2).orElse(false));

		Instant recorded = LocalDateTime.of(2026, 10, 28, 9, 30).atZone(PHOENIX).toInstant();
		this.clock.set(recorded);
		this.events.publish(new BookingNoShow(new BookingId(id), 3, recorded));

		MimeMessage note = mailWithSubject(email, "We missed you at Evergreen Med Spa Scottsdale");
		String link = "http://127.0.0.1:8080/book/microneedling/scottsdale?practitioner=jordan-lee&from=2026-10-28";
		assertThat(PipelineFixtures.part(note, "text/plain")).contains("Book again: " + link + " ");
		assertThat(PipelineFixtures.part(note, "text/html")).contains("href=\"" + htmlEscaped(link) + "\"");
	}

	@Test
	void joiningTheWaitlistForTheTreatmentCancelsThePlannedNudgeAndForAnotherTreatmentDoesNot() {
		String email = PipelineFixtures.newEmail("waiting");
		String id = "waiting-" + email.substring(8, 16);
		complete(id, email, local(2026, 10, 21, 10, 0));
		String nudge = id + ":rebook-nudge:v3";
		assertThat(message(id, nudge).status()).isEqualTo(MessageStatus.PLANNED);

		String peel = "peel-" + UUID.randomUUID().toString().substring(0, 8);
		this.events.state(this.topics.treatments(), peel, EventContracts.TREATMENT_STATE.type(),
				PipelineFixtures.treatment(peel));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.catalog.treatment(peel).isPresent());
		String other = "entry-" + UUID.randomUUID();
		this.events.publish(joined(other, peel, email), "joined-" + other);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.plans.find(Plan.waitlistId(other)).isPresent());
		assertThat(message(id, nudge).status()).isEqualTo(MessageStatus.PLANNED);

		// the same client, as they typed their address this time
		String same = "entry-" + UUID.randomUUID();
		this.events.publish(joined(same, PipelineFixtures.MICRONEEDLING, " " + email.toUpperCase(Locale.ROOT)),
				"joined-" + same);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(message(id, nudge).status()).isEqualTo(MessageStatus.CANCELLED));
		assertThat(message(id, nudge).reason()).contains("joined the waitlist");
		assertThat(message(id, id + ":aftercare-week-check-in:v3").status()).isEqualTo(MessageStatus.PLANNED);

		this.clock.set(local(2026, 12, 2, 12, 0));
		this.dispatcher.dispatchDue();
		assertThat(subjects(email)).noneMatch(subject -> subject.startsWith(NUDGE_SUBJECT));
	}

	@Test
	void aNudgePlannedAfterTheClientJoinedTheWaitlistIsNotSentWhileTheyWait() {
		String email = PipelineFixtures.newEmail("early");
		String entry = "entry-" + UUID.randomUUID();
		this.events.publish(joined(entry, PipelineFixtures.MICRONEEDLING, email), "joined-" + entry);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.plans.find(Plan.waitlistId(entry)).isPresent());
		String id = "early-" + email.substring(6, 14);
		complete(id, email, local(2026, 10, 21, 10, 0));
		String nudge = id + ":rebook-nudge:v3";
		assertThat(message(id, nudge).status()).isEqualTo(MessageStatus.PLANNED);

		this.clock.set(local(2026, 12, 2, 12, 0));
		this.dispatcher.dispatchDue();
		assertThat(message(id, nudge).status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(message(id, nudge).reason()).isEqualTo(Plan.JOINED_WAITLIST);
		assertThat(subjects(email)).noneMatch(subject -> subject.startsWith(NUDGE_SUBJECT));
	}

	private void complete(String id, String email, Instant start) {
		BookingConfirmed confirmed = PipelineFixtures.confirmed(id, email, null, start, this.clock.instant());
		this.events.publish(confirmed);
		this.events.publish(new BookingCheckedIn(new BookingId(id), 2, start.minus(Duration.ofMinutes(5))));
		this.events.publish(new BookingCompleted(new BookingId(id), 3, new TreatmentId(PipelineFixtures.MICRONEEDLING),
				start.plus(Duration.ofMinutes(70))));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.plans.find(id).map(plan -> plan.status() == BookingStatus.COMPLETED).orElse(false));
	}

	private WaitlistJoined joined(String entry, String treatment, String email) {
		return new WaitlistJoined(entry, 1, new TreatmentId(treatment), null, LocalDate.of(2026, 10, 26),
				LocalDate.of(2026, 12, 31), List.of(), List.of(),
				new BookingConfirmed.ClientContact("Ana Gomez", email, null, false), this.clock.instant());
	}

	private PlannedMessage message(String bookingId, String messageId) {
		return this.plans.find(bookingId).flatMap(plan -> plan.message(messageId)).orElseThrow();
	}

	private static MimeMessage mailWithSubject(String address, String subject) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineFixtures.mailTo(address)
				.stream()
				.filter(mail -> subject(mail).startsWith(subject))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private static List<String> subjects(String address) {
		return PipelineFixtures.mailTo(address).stream().map(RebookingTest::subject).toList();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A link as the HTML part writes it in an attribute. */
	private static String htmlEscaped(String link) {
		return link.replace("&", "&amp;").replace("=", "&#x3D;");
	}

	static Instant local(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(LA).toInstant();
	}

}
