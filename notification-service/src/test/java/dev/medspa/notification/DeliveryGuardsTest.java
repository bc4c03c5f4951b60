package dev.medspa.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.BookingId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.notification.delivery.Dispatcher;
import dev.medspa.notification.plan.BookingStatus;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checks made just before sending, with the dispatcher driven by hand: a booking
 * cancelled after its reminder was claimed, a client who unsubscribed from nudges, and a
 * next session that is booked already.
 */
@SpringBootTest(properties = "medspa.notification.dispatch.interval=PT1H")
@LocalInfrastructure
@AutoConfigureMockMvc
class DeliveryGuardsTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

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
	MockMvc mvc;

	@Test
	void aReminderClaimedJustBeforeTheBookingIsCancelledIsNotSent() {
		this.clock.set(local(2026, 10, 20, 12, 0));
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String email = PipelineFixtures.newEmail("late-cancel");
		String id = "late-cancel-" + email.substring(12, 20);
		events.publish(PipelineFixtures.confirmed(id, email, null, local(2026, 10, 27, 11, 0), this.clock.instant()));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.plans.find(id).isPresent());
		this.dispatcher.dispatchDue();
		assertThat(PipelineFixtures.mailTo(email)).hasSize(1);

		this.clock.set(local(2026, 10, 26, 11, 0));
		String reminder = id + ":reminder:v1";
		assertThat(this.dispatcher.claim(id, reminder)).isPresent();
		events.publish(new BookingCancelled(new BookingId(id), 2, true, this.clock.instant()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.plans.find(id).orElseThrow().status() == BookingStatus.CANCELLED);
		this.dispatcher.deliver(id, reminder);

		assertThat(message(id, reminder).status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(message(id, reminder).reason()).isEqualTo("the booking was cancelled");
		this.dispatcher.dispatchDue();
		assertThat(PipelineFixtures.mailTo(email)).extracting(MimeMessage::getSubject)
			.containsExactly("Your appointment at Evergreen Med Spa Walnut Creek is confirmed",
					"Your appointment at Evergreen Med Spa Walnut Creek is cancelled");
	}

	@Test
	void whatFellDueOvernightWaitsForTheMorningAndAReminderAfterTheStartIsDropped() {
		this.clock.set(local(2026, 10, 20, 12, 0));
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String email = PipelineFixtures.newEmail("overnight");
		String id = "overnight-" + email.substring(10, 18);
		events.publish(PipelineFixtures.confirmed(id, email, "+1 925 555 0199", local(2026, 10, 27, 11, 0),
				this.clock.instant()));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.plans.find(id).isPresent());
		this.dispatcher.dispatchDue();
		assertThat(PipelineFixtures.mailTo(email)).hasSize(1);

		// the service was down while the pre-care and the reminder fell due; it is 23:00
		this.clock.set(local(2026, 10, 26, 23, 0));
		this.dispatcher.dispatchDue();
		assertThat(PipelineFixtures.mailTo(email)).hasSize(1);
		PlannedMessage held = message(id, id + ":reminder:v1");
		assertThat(held.status()).isEqualTo(MessageStatus.PLANNED);
		assertThat(held.retryAt()).isEqualTo(local(2026, 10, 27, 8, 0));
		assertThat(held.attempts()).isZero();
		assertThat(held.reason()).isEqualTo("held back during quiet hours");

		this.clock.set(local(2026, 10, 27, 8, 0));
		this.dispatcher.dispatchDue();
		assertThat(PipelineFixtures.mailTo(email)).hasSize(3);

		// down again until after the start: the SMS reminder has missed its moment
		this.clock.set(local(2026, 10, 27, 11, 5));
		this.dispatcher.dispatchDue();
		assertThat(message(id, id + ":sms-reminder:v1").status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(message(id, id + ":sms-reminder:v1").reason())
			.isEqualTo("the appointment had begun before it could be sent");
	}

	@Test
	void theNudgeCarriesAnUnsubscribeLinkThatStopsTheNextNudgeButNotTheCare() throws Exception {
		this.clock.set(local(2026, 10, 20, 12, 0));
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String email = PipelineFixtures.newEmail("nudged");
		String first = "nudged-1-" + email.substring(7, 15);
		complete(events, first, email, local(2026, 10, 21, 10, 0));

		this.clock.set(local(2026, 12, 2, 12, 0));
		this.dispatcher.dispatchDue();
		MimeMessage nudge = PipelineFixtures.mailTo(email)
			.stream()
			.filter(mail -> subject(mail).startsWith("Time for your next session"))
			.findFirst()
			.orElseThrow();
		String header = nudge.getHeader("List-Unsubscribe")[0];
		assertThat(header).startsWith("<http://127.0.0.1:8080/api/unsubscribe/");
		String token = header.substring(header.lastIndexOf('/') + 1, header.length() - 1);
		assertThat(PipelineFixtures.part(nudge, "text/html")).contains("/api/unsubscribe/" + token);
		assertThat(PipelineFixtures.part(nudge, "text/plain")).contains("/api/unsubscribe/" + token);

		this.mvc.perform(get("/api/unsubscribe/" + token))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<button")));
		this.mvc.perform(post("/api/unsubscribe/" + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unsubscribed").value(true));
		this.mvc.perform(post("/api/unsubscribe/" + token).param("confirm", "page"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("You are unsubscribed")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/css/site.css")));
		this.mvc.perform(post("/api/unsubscribe/not-a-token"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/not-found"));

		String second = "nudged-2-" + email.substring(7, 15);
		this.clock.set(local(2026, 12, 3, 12, 0));
		complete(events, second, email, local(2026, 12, 4, 10, 0));
		this.clock.set(local(2027, 1, 16, 12, 0));
		this.dispatcher.dispatchDue();
		assertThat(message(second, second + ":rebook-nudge:v3").status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(message(second, second + ":rebook-nudge:v3").reason())
			.isEqualTo("the client unsubscribed from reminders to rebook");
		assertThat(message(second, second + ":aftercare-week-check-in:v3").status()).isEqualTo(MessageStatus.SENT);
	}

	@Test
	void guessingUnsubscribeLinksIsStoppedPerAddress() throws Exception {
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(post("/api/unsubscribe/guess-" + i).with(request -> {
				request.setRemoteAddr("10.9.9.9");
				return request;
			})).andExpect(status().isNotFound());
		}
		this.mvc.perform(post("/api/unsubscribe/guess-x").with(request -> {
			request.setRemoteAddr("10.9.9.9");
			return request;
		}))
			.andExpect(status().isTooManyRequests())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"));
		this.mvc.perform(post("/api/unsubscribe/guess-x").with(request -> {
			request.setRemoteAddr("10.9.9.10");
			return request;
		})).andExpect(status().isNotFound());
	}

	@Test
	void noNudgeWhenTheNextSessionIsBookedAlready() {
		this.clock.set(local(2026, 10, 20, 12, 0));
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String email = PipelineFixtures.newEmail("planner");
		String first = "planner-1-" + email.substring(8, 16);
		complete(events, first, email, local(2026, 10, 21, 10, 0));
		String next = "planner-2-" + email.substring(8, 16);
		events.publish(PipelineFixtures.confirmed(next, email, null, local(2026, 12, 9, 10, 0), this.clock.instant()));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.plans.find(next).isPresent());

		this.clock.set(local(2026, 12, 2, 12, 0));
		this.dispatcher.dispatchDue();
		assertThat(message(first, first + ":rebook-nudge:v3").status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(message(first, first + ":rebook-nudge:v3").reason()).isEqualTo("the next session is booked already");
	}

	private void complete(PipelineFixtures events, String id, String email, Instant start) {
		events.publish(PipelineFixtures.confirmed(id, email, null, start, this.clock.instant()));
		events.publish(new BookingCheckedIn(new BookingId(id), 2, start.minus(Duration.ofMinutes(5))));
		events.publish(new BookingCompleted(new BookingId(id), 3, new TreatmentId(PipelineFixtures.MICRONEEDLING),
				start.plus(Duration.ofMinutes(70))));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.plans.find(id).map(plan -> plan.status() == BookingStatus.COMPLETED).orElse(false));
	}

	private PlannedMessage message(String bookingId, String messageId) {
		return this.plans.find(bookingId).flatMap(plan -> plan.message(messageId)).orElseThrow();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Instant local(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(LA).toInstant();
	}

}
