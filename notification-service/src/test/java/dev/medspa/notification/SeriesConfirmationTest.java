package dev.medspa.notification;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.notification.catalog.CatalogReadModel;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Step;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
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
 * A course booked in one go, over the real broker, store and SMTP server, with the clock
 * moved by hand: its sessions' confirmations arrive out of order and again, and the
 * client gets one mail for the course with an invite per session; a course undone before
 * its mail went sends nothing; a session that comes after the wait is confirmed on its
 * own.
 */
@SpringBootTest(properties = { "medspa.notification.dispatch.interval=PT0.1S",
		"medspa.kafka.retry.initial-interval=PT0.2S", "medspa.kafka.retry.max-interval=PT1S" })
@LocalInfrastructure
class SeriesConfirmationTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	static final Instant NOW = local(2026, 10, 20, 12, 0);

	static final List<Instant> STARTS = List.of(local(2026, 10, 29, 10, 0), local(2026, 11, 26, 10, 0),
			local(2026, 12, 24, 10, 0));

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(NOW);
		}

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
	CatalogReadModel catalog;

	@Autowired
	ManageLinks links;

	PipelineFixtures events;

	@BeforeEach
	void catalog() {
		this.clock.set(NOW);
		this.events = new PipelineFixtures(this.kafka, this.topics);
		this.events.publishCatalog();
		this.events.publishPractitioner();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.catalog.practitioner("maya-chen").isPresent()
					&& this.catalog.location(PipelineFixtures.WALNUT_CREEK).isPresent());
	}

	@Test
	void threeSessionsArrivingOutOfOrderAndAgainAreConfirmedInOneMailWithAnInviteEach() throws Exception {
		String ana = PipelineFixtures.newEmail("series");
		Course course = new Course(ana);

		this.events.publish(course.session(3), "session-3");
		this.events.publish(course.session(1), "session-1");
		await().ignoreExceptions()
			.atMost(Duration.ofSeconds(30))
			.until(() -> course.plan().series().listed().size() == 2);
		assertNoMoreMail(ana, 0);
		this.events.publish(course.session(2), "session-2");
		this.events.publish(course.session(1), "session-1");
		this.events.publish(course.session(3), "session-3-again");

		MimeMessage mail = awaitMail(ana, 1);
		assertNoMoreMail(ana, 1);
		assertThat(mail.getSubject()).isEqualTo("Your 3 appointments at Evergreen Med Spa Walnut Creek are confirmed");
		String text = PipelineFixtures.part(mail, "text/plain");
		assertThat(text).contains("Your 3 sessions of Micro-needling are booked and confirmed")
			.contains("With:  Maya Chen")
			.containsSubsequence("Session 1", "Thursday, October 29, 2026 at 10:00 AM PDT (America/Los_Angeles)",
					"Walnut Creek, 1480 Locust Street",
					"http://127.0.0.1:8080/manage/" + this.links.token(course.id(1)), "Session 2",
					"Thursday, November 26, 2026 at 10:00 AM PST (America/Los_Angeles)",
					"http://127.0.0.1:8080/manage/" + this.links.token(course.id(2)), "Session 3",
					"Thursday, December 24, 2026 at 10:00 AM PST (America/Los_Angeles)",
					"http://127.0.0.1:8080/manage/" + this.links.token(course.id(3)));
		assertThat(PipelineFixtures.part(mail, "text/html")).contains("<table").contains("Maya Chen");

		// one invite per session, each as a single booking's: its UID, SEQUENCE 0
		List<String> invites = PipelineFixtures.parts(mail, "text/calendar");
		assertThat(invites).hasSize(3);
		for (int i = 0; i < 3; i++) {
			Calendar calendar = new CalendarBuilder().build(new StringReader(invites.get(i)));
			assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
			assertThat(calendar.getComponents("VEVENT")).hasSize(1);
			VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
			assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
				.isEqualTo(course.id(i + 1) + "@medspa.dev");
			assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
			assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo(
					LocalDateTime.ofInstant(STARTS.get(i), LA).toString().replace("-", "").replace(":", "") + "00");
		}

		// the ledger: sent once from the course's plan; each session's own left out
		PlannedMessage sent = course.plan().seriesConfirmation().orElseThrow();
		assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(1);
		for (int i = 1; i <= 3; i++) {
			PlannedMessage own = confirmationOf(course.id(i));
			assertThat(own.status()).isEqualTo(MessageStatus.CANCELLED);
			assertThat(own.reason()).startsWith(Plan.CONFIRMED_WITH_SERIES);
		}

		// a move of one session then updates that session's event in the client's
		// calendar
		Instant moved = local(2026, 11, 27, 14, 0);
		this.events.publish(
				new BookingRescheduled(new BookingId(course.id(2)), 2, new LocationId(PipelineFixtures.WALNUT_CREEK),
						new PractitionerId("maya-chen"), STARTS.get(1), moved, moved.plus(Duration.ofHours(1)), NOW));
		MimeMessage update = awaitMail(ana, 2);
		assertThat(update.getSubject()).isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek has moved");
		VEvent updated = NotificationPipelineTest.event(update);
		assertThat(updated.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(course.id(2) + "@medspa.dev");
		assertThat(updated.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");

		// and a cancellation of another is told, as the client knows of it
		this.events.publish(new BookingCancelled(new BookingId(course.id(3)), 2, true, NOW));
		MimeMessage cancelled = awaitMail(ana, 3);
		assertThat(cancelled.getSubject()).isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek is cancelled");
		assertThat(NotificationPipelineTest.event(cancelled).getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo(course.id(3) + "@medspa.dev");
		assertNoMoreMail(ana, 3);
	}

	@Test
	void aSeriesUndoneBeforeItsMailWentSendsNothing() {
		String ben = PipelineFixtures.newEmail("undone");
		Course course = new Course(ben);
		// sessions 1 and 2 were booked, 3 could not be had: booking-service cancels 1 and
		// 2
		this.events.publish(course.session(2), "undone-2");
		this.events.publish(course.session(1), "undone-1");
		await().ignoreExceptions()
			.atMost(Duration.ofSeconds(30))
			.until(() -> course.plan().series().listed().size() == 2);
		this.events.publish(new BookingCancelled(new BookingId(course.id(1)), 2, false, NOW));
		this.events.publish(new BookingCancelled(new BookingId(course.id(2)), 2, false, NOW));
		await().ignoreExceptions()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(List.of(cancellationOf(course.id(1)), cancellationOf(course.id(2))))
				.allSatisfy(message -> {
					assertThat(message.status()).isEqualTo(MessageStatus.CANCELLED);
					assertThat(message.reason()).startsWith("the client had not been told of this session yet");
				}));

		// the wait for session 3 runs out: nothing is left to confirm
		this.clock.advance(Duration.ofMinutes(11));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(course.plan().seriesConfirmation().orElseThrow())
				.satisfies(message -> assertThat(message.status()).isEqualTo(MessageStatus.CANCELLED))
				.satisfies(message -> assertThat(message.reason())
					.isEqualTo("every session of the series was cancelled")));
		assertNoMoreMail(ben, 0);
	}

	@Test
	void whenASessionIsLateTheOthersAreConfirmedAfterTheWaitAndItOnItsOwn() throws Exception {
		String cleo = PipelineFixtures.newEmail("late");
		Course course = new Course(cleo);
		this.events.publish(course.session(1), "late-1");
		this.events.publish(course.session(3), "late-3");
		await().ignoreExceptions()
			.atMost(Duration.ofSeconds(30))
			.until(() -> course.plan().series().listed().size() == 2);
		this.clock.advance(Duration.ofMinutes(9));
		assertNoMoreMail(cleo, 0);

		this.clock.advance(Duration.ofMinutes(2));
		MimeMessage series = awaitMail(cleo, 1);
		assertThat(series.getSubject())
			.isEqualTo("Your 2 appointments at Evergreen Med Spa Walnut Creek are confirmed");
		assertThat(PipelineFixtures.part(series, "text/plain")).contains("Session 1")
			.contains("Session 3")
			.doesNotContain("Session 2");
		assertThat(PipelineFixtures.parts(series, "text/calendar")).hasSize(2);

		this.events.publish(course.session(2), "late-2");
		MimeMessage own = awaitMail(cleo, 2);
		assertThat(own.getSubject()).isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek is confirmed");
		assertThat(NotificationPipelineTest.event(own).getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo(course.id(2) + "@medspa.dev");
		assertThat(confirmationOf(course.id(2)).status()).isEqualTo(MessageStatus.SENT);
		assertNoMoreMail(cleo, 2);
	}

	@Test
	void aBookingOnItsOwnIsConfirmedAsBefore() throws Exception {
		String dana = PipelineFixtures.newEmail("single");
		String id = "single-" + UUID.randomUUID();
		BookingConfirmed single = PipelineFixtures.confirmed(id, dana, null, STARTS.get(0), NOW);
		assertThat(single.series()).isNull();
		this.events.publish(single, "single-1");
		this.events.publish(single, "single-1");

		MimeMessage mail = awaitMail(dana, 1);
		assertThat(mail.getSubject()).isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek is confirmed");
		assertThat(PipelineFixtures.parts(mail, "text/calendar")).hasSize(1);
		VEvent invite = NotificationPipelineTest.event(mail);
		assertThat(invite.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(id + "@medspa.dev");
		assertThat(invite.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
		assertThat(confirmationOf(id).status()).isEqualTo(MessageStatus.SENT);
		assertThat(this.plans.find(id).orElseThrow().series()).isNull();
		assertNoMoreMail(dana, 1);
	}

	/** Three sessions of one course, for one client. */
	final class Course {

		final String seriesId = "course-" + UUID.randomUUID();

		final List<String> sessions;

		final String email;

		Course(String email) {
			this.email = email;
			String tag = UUID.randomUUID().toString().substring(0, 8);
			this.sessions = List.of("s1-" + tag, "s2-" + tag, "s3-" + tag);
		}

		String id(int session) {
			return this.sessions.get(session - 1);
		}

		BookingConfirmed session(int session) {
			return PipelineFixtures.sessionConfirmed(this.seriesId, this.sessions, session, this.email,
					STARTS.get(session - 1), NOW);
		}

		Plan plan() {
			return SeriesConfirmationTest.this.plans.find(Plan.seriesId(this.seriesId)).orElseThrow();
		}

	}

	private PlannedMessage confirmationOf(String bookingId) {
		return step(bookingId, Step.CONFIRMATION);
	}

	private PlannedMessage cancellationOf(String bookingId) {
		return step(bookingId, Step.CANCELLATION);
	}

	private PlannedMessage step(String bookingId, Step step) {
		return this.plans.find(bookingId)
			.orElseThrow()
			.messages()
			.stream()
			.filter(message -> message.step() == step)
			.findFirst()
			.orElseThrow();
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
