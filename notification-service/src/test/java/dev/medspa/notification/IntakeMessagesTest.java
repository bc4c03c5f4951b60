package dev.medspa.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Intake events in over the real broker, mail out over real SMTP, with the clock moved by
 * hand: forms falling due send their link once, however often the event comes and even
 * before the booking's confirmation; one reminder follows while they stay due, moves with
 * the booking and is dropped once they are done; a treatment declined after the forms is
 * cancelled in kind words that repeat no answer.
 */
@SpringBootTest(
		properties = { "medspa.notification.dispatch.interval=PT0.1S", "medspa.kafka.retry.initial-interval=PT0.2S",
				"medspa.kafka.retry.max-interval=PT1S", "medspa.kafka.retry.awaiting-data-for=PT30S",
				"medspa.notification.sms.sink-directory=${java.io.tmpdir}/medspa-sms-intake-test" })
@LocalInfrastructure
@AutoConfigureMockMvc
class IntakeMessagesTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	static final Pattern FORMS_LINK = Pattern.compile("http://127\\.0\\.0\\.1:8080/forms/(\\S+)");

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(local(2026, 10, 20, 12, 0));
		}

	}

	@Autowired
	ManageLinks links;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	PipelineFixtures events;

	@BeforeEach
	void catalog() {
		this.clock.set(local(2026, 10, 20, 12, 0));
		this.events = new PipelineFixtures(this.kafka, this.topics);
		this.events.publishCatalog();
	}

	@Test
	void formsFallingDueSendTheirLinkOnceAndFormsDoneDropTheReminder() throws Exception {
		String ana = PipelineFixtures.newEmail("ana");
		String id = "booking-" + ana.substring(4, 12);
		this.events
			.publish(PipelineFixtures.confirmed(id, ana, null, local(2026, 10, 29, 10, 0), local(2026, 10, 20, 12, 0)));
		awaitMail(ana, 1);

		IntakeStatusChanged due = intake(id, 1, IntakeStatusChanged.DUE, 2, null);
		this.events.publish(due, "intake-evt-1");
		this.events.publish(due, "intake-evt-1");

		MimeMessage forms = awaitMail(ana, 2);
		assertThat(forms.getSubject()).isEqualTo("Before your visit: your forms for Evergreen Med Spa Walnut Creek");
		String text = PipelineFixtures.part(forms, "text/plain");
		assertThat(text).contains("2 short forms").contains("Thursday, October 29, 2026 at 10:00 AM PDT");
		Matcher link = FORMS_LINK.matcher(text);
		assertThat(link.find()).as("a forms link in %s", text).isTrue();
		assertThat(this.links.intakeBookingId(link.group(1))).contains(id);
		assertThat(PipelineFixtures.part(forms, "text/html"))
			.contains("href=\"http://127.0.0.1:8080/forms/" + link.group(1) + "\"");
		assertNoMoreMail(ana, 2);
		ledger(id, "forms-reminder-intake-1:v1", "PLANNED");
		this.mvc.perform(get("/api/staff/notifications").param("booking", id).with(owner()))
			.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":forms-reminder-intake-1:v1')].dueAt")
				.value("2026-10-26T10:00:00-07:00"));

		this.events.publish(intake(id, 2, IntakeStatusChanged.COMPLETE, 0, null), "intake-evt-2");
		ledger(id, "forms-reminder-intake-1:v1", "CANCELLED");
		this.mvc.perform(get("/api/staff/notifications").param("booking", id).with(owner()))
			.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":forms-reminder-intake-1:v1')].reason")
				.value("the forms are no longer due"));
		// redelivered, the old DUE changes nothing: no second link, no new reminder
		this.events.publish(due, "intake-evt-1");
		this.clock.set(local(2026, 10, 26, 10, 5));
		assertNoMoreMail(ana, 2);
	}

	@Test
	void theReminderComesWhileFormsStayDueAndMovesWithTheBooking() throws Exception {
		String ben = PipelineFixtures.newEmail("ben");
		String id = "booking-" + ben.substring(4, 12);
		BookingConfirmed confirmed = PipelineFixtures.confirmed(id, ben, null, local(2026, 10, 29, 10, 0),
				local(2026, 10, 20, 12, 0));
		this.events.publish(confirmed);
		awaitMail(ben, 1);
		this.events.publish(intake(id, 1, IntakeStatusChanged.DUE, 1, null), UUID.randomUUID().toString());
		awaitMail(ben, 2);

		Instant moved = local(2026, 10, 30, 14, 0);
		this.events.publish(new BookingRescheduled(new BookingId(id), 2, new LocationId(PipelineFixtures.WALNUT_CREEK),
				new PractitionerId("maya-chen"), confirmed.start(), moved, moved.plus(Duration.ofHours(1)),
				local(2026, 10, 20, 12, 0)));
		assertThat(awaitMail(ben, 3).getSubject()).endsWith("has moved");
		ledger(id, "forms-reminder-intake-1:v1", "CANCELLED");
		ledger(id, "forms-reminder-intake-1:v2", "PLANNED");

		this.clock.set(local(2026, 10, 26, 10, 5));
		assertNoMoreMail(ben, 3);
		this.clock.set(local(2026, 10, 27, 14, 0));
		MimeMessage reminder = awaitMail(ben, 4);
		assertThat(reminder.getSubject()).isEqualTo(
				"Reminder: your forms before your visit to Evergreen Med Spa Walnut Creek on Friday, October 30");
		assertThat(PipelineFixtures.part(reminder, "text/plain"))
			.contains("http://127.0.0.1:8080/forms/" + this.links.intakeToken(id));
		assertNoMoreMail(ben, 4);
	}

	@Test
	void formsDueBeforeTheConfirmationArrivedStillSendOneLink() throws Exception {
		String cleo = PipelineFixtures.newEmail("cleo");
		String id = "booking-" + cleo.substring(5, 13);
		// the intake consumer is up: another booking's forms went out
		String warm = PipelineFixtures.newEmail("warm");
		String warmId = "booking-" + warm.substring(5, 13);
		this.events.publish(
				PipelineFixtures.confirmed(warmId, warm, null, local(2026, 10, 29, 10, 0), local(2026, 10, 20, 12, 0)));
		this.events.publish(intake(warmId, 1, IntakeStatusChanged.DUE, 1, null), UUID.randomUUID().toString());
		// its link came in the confirmation or in a mail of its own, whichever the race
		// between the two events made it
		String warmLink = "http://127.0.0.1:8080/forms/" + this.links.intakeToken(warmId);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineFixtures.mailTo(warm)
				.stream()
				.anyMatch(mail -> PipelineFixtures.part(mail, "text/plain").contains(warmLink)));

		this.events.publish(intake(id, 1, IntakeStatusChanged.DUE, 1, null), "intake-early");
		// nothing can be sent yet: there is no plan to send from
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(cleo)).isEmpty());
		this.mvc.perform(get("/api/staff/notifications").param("booking", id).with(owner()))
			.andExpect(status().isNotFound());

		this.events.publish(
				PipelineFixtures.confirmed(id, cleo, null, local(2026, 10, 29, 10, 0), local(2026, 10, 20, 12, 0)));
		// the link goes once: in the confirmation if the retried intake event came first
		// (this test has no grace), else on its own
		String link = "http://127.0.0.1:8080/forms/" + this.links.intakeToken(id);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineFixtures.mailTo(cleo)
				.stream()
				.anyMatch(mail -> PipelineFixtures.part(mail, "text/plain").contains(link)));
		int sent = PipelineFixtures.mailTo(cleo).size();
		assertNoMoreMail(cleo, sent);
		List<MimeMessage> mail = PipelineFixtures.mailTo(cleo);
		assertThat(mail).filteredOn(message -> PipelineFixtures.part(message, "text/plain").contains(link)).hasSize(1);
		assertThat(mail).extracting(IntakeMessagesTest::subject)
			.containsExactlyInAnyOrderElementsOf(
					(sent == 1) ? List.of("Your appointment at Evergreen Med Spa Walnut Creek is confirmed")
							: List.of("Your appointment at Evergreen Med Spa Walnut Creek is confirmed",
									"Before your visit: your forms for Evergreen Med Spa Walnut Creek"));
	}

	@Test
	void aTreatmentDeclinedAfterTheFormsIsCancelledKindlyAndOthersAsBefore() throws Exception {
		String dana = PipelineFixtures.newEmail("dana");
		String id = "booking-" + dana.substring(5, 13);
		this.events.publish(
				PipelineFixtures.confirmed(id, dana, null, local(2026, 10, 29, 10, 0), local(2026, 10, 20, 12, 0)));
		// the confirmation first, so that the forms' link comes in a mail of its own
		awaitMail(dana, 1);
		this.events.publish(intake(id, 1, IntakeStatusChanged.DUE, 1, null), UUID.randomUUID().toString());
		awaitMail(dana, 2);
		this.events.publish(intake(id, 2, IntakeStatusChanged.NEEDS_REVIEW, 0, null), UUID.randomUUID().toString());
		this.events.publish(intake(id, 3, IntakeStatusChanged.DECLINED, 0, "NOT_SUITABLE_NOW"),
				UUID.randomUUID().toString());
		this.events.publish(new BookingCancelled(new BookingId(id), 2, false, local(2026, 10, 20, 12, 0),
				"INTAKE_NOT_SUITABLE_NOW"));

		MimeMessage cancellation = awaitMail(dana, 3);
		assertThat(cancellation.getSubject())
			.isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek is cancelled");
		assertThat(PipelineFixtures.part(cancellation, "text/plain")).contains("We have cancelled this booking")
			.contains("decided that this treatment is not right for you at the moment")
			.contains("If you paid a deposit for this visit, it is refunded to you")
			.contains("call us at +1 925 555 0140")
			.doesNotContain("We would be glad to see you another time");
		assertThat(PipelineFixtures.part(cancellation, "text/calendar")).contains("METHOD:CANCEL");
		ledger(id, "forms-reminder-intake-1:v1", "CANCELLED");
		assertNoMoreMail(dana, 3);

		String eve = PipelineFixtures.newEmail("eve");
		String other = "booking-" + eve.substring(4, 12);
		this.events.publish(
				PipelineFixtures.confirmed(other, eve, null, local(2026, 10, 29, 11, 0), local(2026, 10, 20, 12, 0)));
		awaitMail(eve, 1);
		this.events.publish(new BookingCancelled(new BookingId(other), 2, true, local(2026, 10, 20, 12, 0)));
		assertThat(PipelineFixtures.part(awaitMail(eve, 2), "text/plain")).contains("Your booking is cancelled:")
			.contains("We would be glad to see you another time")
			.doesNotContain("practitioner");
	}

	private void ledger(String id, String message, String status) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/staff/notifications").param("booking", id).with(owner()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":" + message + "')].status").value(status)));
	}

	private static IntakeStatusChanged intake(String id, long version, String status, int formsDue,
			String declineReason) {
		return new IntakeStatusChanged(new BookingId(id), new LocationId(PipelineFixtures.WALNUT_CREEK), version,
				status, formsDue, declineReason, Instant.parse("2026-10-20T19:00:00Z"));
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
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

	private static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor owner() {
		return jwt().authorities(new SimpleGrantedAuthority("ROLE_OWNER"));
	}

}
