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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole pipeline over the real broker, store and SMTP server, with the clock moved by
 * hand: confirmation with its invite, a move, reminders, completion and the aftercare
 * timeline across the end of daylight-saving time, and a cancelled booking that goes
 * quiet.
 */
@SpringBootTest(
		properties = { "medspa.notification.dispatch.interval=PT0.1S", "medspa.kafka.retry.initial-interval=PT0.2S",
				"medspa.kafka.retry.max-interval=PT1S", "medspa.kafka.retry.awaiting-data-for=PT10S",
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

	@Autowired
	dev.medspa.notification.catalog.CatalogReadModel catalog;

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
		// the Message-ID comes from the message's own id, so a resend keeps it
		assertThat(confirmation.getMessageID()).isEqualTo("<" + id + ".confirmation.v1@medspa.dev>");
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
	void anEventForALocationNotYetKnownBecomesADeadLetterThatAnOwnerReplaysOnceTheLocationIsThere() throws Exception {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		this.clock.set(local(2026, 10, 20, 12, 0));
		String dana = PipelineFixtures.newEmail("dana");
		String id = "booking-" + dana.substring(5, 13);
		String tucson = "tucson-" + dana.substring(5, 13);
		BookingConfirmed walnutCreek = PipelineFixtures.confirmed(id, dana, null, local(2026, 10, 28, 11, 0),
				local(2026, 10, 20, 12, 0));
		events.publish(new BookingConfirmed(walnutCreek.bookingId(), 1, walnutCreek.treatmentId(),
				new LocationId(tucson), walnutCreek.start(), walnutCreek.end(), walnutCreek.client(),
				walnutCreek.confirmedAt(), walnutCreek.practitionerId(), walnutCreek.manageToken()));

		// after waiting for the location as long as configured, the event is given up on
		String listing = await().atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.mvc.perform(get("/api/staff/dead-letters/notification-service").with(owner()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), body -> body.contains("\"key\":\"" + id + "\""));
		var letter = java.util.stream.StreamSupport
			.stream(tools.jackson.databind.json.JsonMapper.builder().build().readTree(listing).spliterator(), false)
			.filter(node -> node.get("key").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(letter.get("topic").asString()).isEqualTo(this.topics.bookingEvents());
		assertThat(letter.get("eventType").asString())
			.isEqualTo(dev.medspa.events.EventContracts.BOOKING_CONFIRMED.type());
		assertThat(letter.get("consumerGroup").asString()).isEqualTo("notification-booking-events");
		assertThat(letter.get("reason").asString()).contains("location " + tucson);
		assertThat(listing).doesNotContain(dana).doesNotContain("Ana Gomez");
		assertThat(PipelineFixtures.mailTo(dana)).isEmpty();

		String replay = "/api/staff/dead-letters/notification-service/" + letter.get("deadLetterTopic").asString() + "/"
				+ letter.get("partition").asInt() + "/" + letter.get("offset").asLong() + "/replay";
		this.mvc
			.perform(post(replay).with(jwt()
				.jwt(token -> token.subject("desk@clinic.example")
					.claim("roles", List.of("FRONT_DESK"))
					.claim("locations", List.of(PipelineFixtures.WALNUT_CREEK)))
				.authorities(
						new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_FRONT_DESK"))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/staff/dead-letters/notification-service/" + letter.get("deadLetterTopic").asString()
					+ "/0/999999/replay")
				.with(owner()))
			.andExpect(status().isNotFound());

		// the fix: the location reaches this service; then the owner replays the event,
		// twice by mistake, and the client is mailed once
		events.state(this.topics.locations(), tucson, dev.medspa.events.EventContracts.LOCATION_STATE.type(),
				PipelineFixtures.location(tucson, "Tucson", "America/Phoenix"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.catalog.location(tucson).isPresent());
		this.mvc.perform(post(replay).with(owner())).andExpect(status().isOk()).andExpect(jsonPath("$.key").value(id));
		this.mvc.perform(post(replay).with(owner())).andExpect(status().isOk());
		assertThat(awaitMail(dana, 1).getSubject()).contains("Tucson");
		assertNoMoreMail(dana, 1);
	}

	/**
	 * On the catalog topics this service reads (the booking events are above), a record
	 * that cannot be read is a dead letter with the reason, and the record after it
	 * follows within five seconds.
	 */
	@Test
	void aPoisonRecordOnEachCatalogTopicIsADeadLetterAndTheNextRecordFollowsWithinFiveSeconds() {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		String location = "poisoned-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		events.state(this.topics.locations(), location, "dev.medspa.catalog.poison", "not a state");
		events.state(this.topics.locations(), location, dev.medspa.events.EventContracts.LOCATION_STATE.type(),
				PipelineFixtures.location(location, "Poisoned", "America/Phoenix"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.catalog.location(location).isPresent());
		String treatment = "poisoned-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		events.state(this.topics.treatments(), treatment, "dev.medspa.catalog.poison", "not a state");
		events.state(this.topics.treatments(), treatment, dev.medspa.events.EventContracts.TREATMENT_STATE.type(),
				PipelineFixtures.treatment(treatment));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.catalog.treatment(treatment).isPresent());
		for (String[] poisoned : List.of(new String[] { this.topics.locations(), location },
				new String[] { this.topics.treatments(), treatment })) {
			var dead = dev.medspa.testsupport.TopicReader.readUntil(this.bootstrapServers,
					poisoned[0] + dev.medspa.events.Topics.DEAD_LETTER_SUFFIX,
					records -> records.stream().anyMatch(record -> poisoned[1].equals(record.key())),
					Duration.ofSeconds(10));
			assertThat(dead.stream().filter(record -> poisoned[1].equals(record.key()))).singleElement()
				.satisfies(record -> assertThat(
						dev.medspa.testsupport.TopicReader.header(record, "kafka_dlt-exception-message"))
					.contains("dev.medspa.catalog.poison"));
		}
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
