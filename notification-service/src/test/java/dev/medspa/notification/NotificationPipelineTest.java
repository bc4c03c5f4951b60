package dev.medspa.notification;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.notification.sms.SinkSmsSender;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole pipeline over the real broker, store and SMTP server, with the clock moved by
 * hand: confirmation with its invite, a move, reminders, completion and the aftercare
 * timeline across the end of daylight-saving time, and a cancelled booking that goes
 * quiet.
 */
@SpringBootTest(properties = { "medspa.notification.dispatch.interval=PT0.1S",
		"medspa.kafka.retry.initial-interval=PT0.2S", "medspa.kafka.retry.max-interval=PT1S",
		"medspa.notification.sms.sink-directory=${java.io.tmpdir}/medspa-sms-pipeline-test" })
@LocalInfrastructure
@AutoConfigureMockMvc
class NotificationPipelineTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(local(2026, 10, 20, 12, 0));
		}

	}

	@Autowired
	dev.medspa.support.links.ManageLinks links;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	SinkSmsSender sms;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	/** How many messages of a step the dispatcher settled with an outcome, so far. */
	private double settled(String step, String outcome) {
		var counter = this.meters.find("medspa.messages")
			.tags("channel", "email", "step", step, "outcome", outcome)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void fromConfirmationThroughAftercareEachMessageOnceAtItsLocalTime() throws Exception {
		this.clock.set(local(2026, 10, 20, 12, 0));
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String ana = PipelineFixtures.newEmail("ana");
		String id = "booking-" + ana.substring(4, 12);
		BookingConfirmed confirmed = PipelineFixtures.confirmed(id, ana, "+1 925 555 0199", local(2026, 10, 29, 10, 0),
				local(2026, 10, 20, 12, 0));
		double confirmationsBefore = settled("confirmation", "sent");
		events.publish(confirmed, "evt-1");
		events.publish(confirmed, "evt-1");

		MimeMessage confirmation = awaitMail(ana, 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(settled("confirmation", "sent")).isEqualTo(confirmationsBefore + 1));
		assertThat(this.meters.get("medspa.messages.lag").tags("step", "confirmation").timer().count())
			.isGreaterThanOrEqualTo(1);
		assertThat(confirmation.getSubject())
			.isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek is confirmed");
		assertThat(PipelineFixtures.part(confirmation, "text/plain")).contains("Micro-needling")
			.contains("Thursday, October 29, 2026 at 10:00 AM PDT (America/Los_Angeles)")
			.contains("http://127.0.0.1:8080/manage/" + this.links.token(id))
			.doesNotContain("manage-" + id);
		assertThat(PipelineFixtures.part(confirmation, "text/html")).contains("<table");
		VEvent invite = event(confirmation);
		assertThat(invite.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(id + "@medspa.dev");
		assertThat(invite.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");

		Instant moved = local(2026, 10, 30, 14, 0);
		events.publish(new BookingRescheduled(new BookingId(id), 2, new LocationId(PipelineFixtures.WALNUT_CREEK),
				new PractitionerId("maya-chen"), confirmed.start(), moved, moved.plus(Duration.ofHours(1)),
				local(2026, 10, 20, 12, 0)));
		MimeMessage update = awaitMail(ana, 2);
		assertThat(update.getSubject()).isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek has moved");
		VEvent updated = event(update);
		assertThat(updated.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(id + "@medspa.dev");
		assertThat(updated.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
		assertThat(PipelineFixtures.part(update, "text/plain")).contains("Friday, October 30, 2026 at 2:00 PM PDT");

		// two days before: pre-care; the old plan's reminders never come
		this.clock.set(local(2026, 10, 28, 14, 0));
		assertThat(awaitMail(ana, 3).getSubject())
			.isEqualTo("Getting ready for your appointment at Evergreen Med Spa Walnut Creek on Friday, October 30");
		this.clock.set(local(2026, 10, 29, 14, 0));
		assertThat(awaitMail(ana, 4).getSubject())
			.isEqualTo("Reminder: your appointment at Evergreen Med Spa Walnut Creek on Friday, October 30");
		this.clock.set(local(2026, 10, 30, 12, 0));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.sms.recorded()).filteredOn(sms -> sms.id().startsWith(id))
				.singleElement()
				.satisfies(sms -> assertThat(sms.text()).contains("Fri Oct 30 at 2:00 PM")
					.doesNotContain("Micro-needling")));

		events.publish(new BookingCheckedIn(new BookingId(id), 3, local(2026, 10, 30, 13, 50)));
		Instant ended = local(2026, 10, 30, 15, 7);
		this.clock.set(local(2026, 10, 30, 15, 10));
		events.publish(
				new BookingCompleted(new BookingId(id), 4, new TreatmentId(PipelineFixtures.MICRONEEDLING), ended));
		assertThat(PipelineFixtures.part(awaitMail(ana, 5), "text/plain")).contains("Your aftercare guide");

		this.clock.set(local(2026, 10, 31, 15, 7));
		assertThat(PipelineFixtures.part(awaitMail(ana, 6), "text/plain")).contains("Makeup is fine again");
		this.clock.set(local(2026, 11, 2, 15, 7));
		assertThat(PipelineFixtures.part(awaitMail(ana, 7), "text/plain")).contains("regular products may return");
		// a week later, after clocks fell back on 1 November: still 15:07 in California
		this.clock.set(local(2026, 11, 6, 15, 6));
		assertNoMoreMail(ana, 7);
		this.clock.set(local(2026, 11, 6, 15, 7));
		assertThat(PipelineFixtures.part(awaitMail(ana, 8), "text/plain")).contains("How does your skin feel?");

		// the ledger records a message as sent just after the SMTP server took it
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.mvc.perform(get("/api/staff/notifications").param("booking", id).with(owner()))
				.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":aftercare-week-check-in:v4')].sentAt")
					.value("2026-11-06T15:07:00-08:00")));
		this.mvc.perform(get("/api/staff/notifications").param("booking", id).with(owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bookingStatus").value("COMPLETED"))
			.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":reminder:v1')].status").value("CANCELLED"))
			.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":reminder:v2')].status").value("SENT"))
			.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":rebook-nudge:v4')].status").value("PLANNED"))
			.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":rebook-nudge:v4')].dueAt")
				.value("2026-12-11T15:07:00-08:00"));
		// redelivered and older events change nothing: the booking stays completed
		events.publish(confirmed, "evt-1");
		events.publish(new BookingCheckedIn(new BookingId(id), 3, local(2026, 10, 30, 13, 50)));
		events.publish(new BookingCancelled(new BookingId(id), 2, true, local(2026, 10, 21, 9, 0)));
		events.publish(
				new BookingCompleted(new BookingId(id), 4, new TreatmentId(PipelineFixtures.MICRONEEDLING), ended));
		assertNoMoreMail(ana, 8);
		this.mvc.perform(get("/api/staff/notifications").param("booking", id).with(owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bookingStatus").value("COMPLETED"))
			.andExpect(jsonPath("$.bookingVersion").value(4))
			.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":rebook-nudge:v4')].status").value("PLANNED"));
	}

	@Test
	void aCancelledBookingGetsItsCancellationAndThenNothing() throws Exception {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String ben = PipelineFixtures.newEmail("ben");
		String id = "booking-" + ben.substring(4, 12);
		this.clock.set(local(2026, 10, 20, 12, 0));
		BookingConfirmed confirmed = PipelineFixtures.confirmed(id, ben, null, local(2026, 10, 26, 11, 0),
				local(2026, 10, 20, 12, 0));
		events.publish(confirmed);
		awaitMail(ben, 1);
		events.publish(new BookingCancelled(new BookingId(id), 2, true, local(2026, 10, 20, 12, 0)));
		MimeMessage cancellation = awaitMail(ben, 2);
		assertThat(cancellation.getSubject())
			.isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek is cancelled");
		Calendar calendar = calendar(cancellation);
		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
		assertThat(calendar.<VEvent>getComponent("VEVENT")
			.orElseThrow()
			.getProperty(Property.SEQUENCE)
			.orElseThrow()
			.getValue()).isEqualTo("1");

		this.clock.set(local(2026, 10, 26, 12, 0));
		assertNoMoreMail(ben, 2);
		this.mvc.perform(get("/api/staff/notifications").param("booking", id).with(owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages[?(@.id == '" + id + ":reminder:v1')].reason")
				.value("the booking was cancelled"));
		String refused = this.mvc
			.perform(
					get("/api/staff/notifications").param("booking", id)
						.with(jwt().jwt(token -> token.claim("locations", List.of("scottsdale")))
							.authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority(
									"ROLE_FRONT_DESK"))))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).doesNotContain(ben).doesNotContain("recipient");
	}

	@Test
	void anUnreadableBookingEventGoesToTheDeadLetterTopicAndTheBookingAfterItIsConfirmed() throws Exception {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		this.clock.set(local(2026, 10, 20, 12, 0));
		String cleo = PipelineFixtures.newEmail("cleo");
		String id = "booking-" + cleo.substring(5, 13);
		var deadLetters = this.meters.counter("medspa.dead.letters", "topic", this.topics.bookingEvents());
		double deadBefore = deadLetters.count();
		events.raw(id, dev.medspa.events.EventContracts.BOOKING_CONFIRMED.type(), "{ not json");
		events.publish(
				PipelineFixtures.confirmed(id, cleo, null, local(2026, 10, 27, 11, 0), local(2026, 10, 20, 12, 0)));

		awaitMail(cleo, 1);
		try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(
				java.util.Map.of(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
						this.bootstrapServers, org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG,
						"dlt-reader", org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
						"earliest"),
				new org.apache.kafka.common.serialization.StringDeserializer(),
				new org.apache.kafka.common.serialization.StringDeserializer())) {
			consumer.subscribe(List.of(this.topics.bookingEvents() + dev.medspa.events.Topics.DEAD_LETTER_SUFFIX));
			List<String> dead = new java.util.ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> dead.add(record.key() + "=" + record.value()));
				assertThat(dead).contains(id + "={ not json");
			});
		}
		assertThat(deadLetters.count()).isEqualTo(deadBefore + 1);
	}

	@Test
	void theLedgerIsForStaffAndAnUnknownBookingIsAProblem() throws Exception {
		this.mvc.perform(get("/api/staff/notifications").param("booking", "nope")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/staff/notifications").param("booking", "nope").with(owner()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No messages are planned for booking nope"));
		this.mvc.perform(get("/api/staff/notifications").with(owner())).andExpect(status().isBadRequest());
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

	static VEvent event(MimeMessage mail) throws Exception {
		return calendar(mail).<VEvent>getComponent("VEVENT").orElseThrow();
	}

	static Calendar calendar(MimeMessage mail) throws Exception {
		String ics = PipelineFixtures.part(mail, "text/calendar");
		assertThat(ics).as("a calendar part").isNotNull();
		return new CalendarBuilder().build(new StringReader(ics));
	}

	static Instant local(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(LA).toInstant();
	}

	/** A staff token of an owner, who sees every location's ledgers. */
	private static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor owner() {
		return jwt().authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_OWNER"));
	}

}
