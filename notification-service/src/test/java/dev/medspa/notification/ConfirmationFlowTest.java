package dev.medspa.notification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.BookingId;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Booking events in over the real broker, e-mail out over real SMTP. */
@SpringBootTest(properties = { "medspa.kafka.retry.initial-interval=PT0.2S", "medspa.kafka.retry.max-interval=PT1S",
		"medspa.notification.dispatch.interval=PT0.2S" })
@LocalInfrastructure
class ConfirmationFlowTest {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Test
	void sendsOneConfirmationNamingTreatmentPlaceAndLocalTimeEvenWhenTheEventComesAgain() throws Exception {
		publishCatalog();
		String email = "client-" + UUID.randomUUID() + "@example.com";
		BookingConfirmed booking = booking(email, "2026-12-01T18:00:00Z");

		publish(booking, "event-1");
		publish(booking, "event-1");
		publish(booking, "event-2");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailTo(email)).hasSize(1));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(mailTo(email)).hasSize(1));
		MimeMessage mail = mailTo(email).get(0);
		assertThat(mail.getSubject()).isEqualTo("Your appointment at Evergreen Med Spa Walnut Creek is confirmed");
		assertThat(PipelineFixtures.part(mail, "text/plain")).contains("Micro-needling consultation")
			.contains("Tuesday, December 1, 2026 at 10:00 AM PST (America/Los_Angeles)")
			.contains("Walnut Creek, 1480 Locust Street");
	}

	@Test
	void aBookingThatArrivesBeforeTheCatalogIsConfirmedOnceTheCatalogArrives() throws Exception {
		String email = "early-" + UUID.randomUUID() + "@example.com";
		BookingConfirmed booking = new BookingConfirmed(new BookingId(UUID.randomUUID().toString()), 1,
				new TreatmentId("late-treatment"), new LocationId("late-location"),
				Instant.parse("2026-07-15T17:00:00Z"), Instant.parse("2026-07-15T17:30:00Z"),
				new BookingConfirmed.ClientContact("Ben", email, null, false), Instant.now(), null, null);
		publish(booking, UUID.randomUUID().toString());
		publishState(this.topics.treatments(), "late-treatment", EventContracts.TREATMENT_STATE.type(),
				treatment("late-treatment", "Hydrating facial"));
		publishState(this.topics.locations(), "late-location", EventContracts.LOCATION_STATE.type(),
				location("late-location", "Scottsdale", "America/Phoenix"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailTo(email)).hasSize(1));
		assertThat(PipelineFixtures.part(mailTo(email).get(0), "text/plain"))
			.contains("Wednesday, July 15, 2026 at 10:00 AM MST (America/Phoenix)");
	}

	private void publishCatalog() throws Exception {
		publishState(this.topics.treatments(), "microneedling-consultation", EventContracts.TREATMENT_STATE.type(),
				treatment("microneedling-consultation", "Micro-needling consultation"));
		publishState(this.topics.locations(), "walnut-creek", EventContracts.LOCATION_STATE.type(),
				location("walnut-creek", "Walnut Creek", "America/Los_Angeles"));
	}

	private static TreatmentState treatment(String id, String name) {
		return new TreatmentState(new TreatmentId(id), id, name, "consultation", "", Duration.ofMinutes(30),
				Duration.ZERO, Duration.ofMinutes(10), new BigDecimal("50.00"), "USD", "consultation-room",
				"microneedling", null, null, List.of(), true, 1, null);
	}

	private static LocationState location(String id, String name, String zone) {
		return new LocationState(new LocationId(id), id, name,
				new LocationState.Address("1480 Locust Street", name, "CA", "94596", "US"), "+1 925 555 0140", zone,
				List.of(), List.of(), true, 1, List.of());
	}

	private static BookingConfirmed booking(String email, String start) {
		Instant at = Instant.parse(start);
		return new BookingConfirmed(new BookingId(UUID.randomUUID().toString()), 1,
				new TreatmentId("microneedling-consultation"), new LocationId("walnut-creek"), at, at.plusSeconds(1800),
				new BookingConfirmed.ClientContact("Ana Gomez", email, "+1 925 555 0199", false), Instant.now(), null,
				null);
	}

	private void publish(BookingConfirmed booking, String eventId) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.bookingEvents(),
				booking.bookingId().value(), EventJson.write(booking));
		header(record, EventHeaders.TYPE, EventContracts.BOOKING_CONFIRMED.type());
		header(record, EventHeaders.ID, eventId);
		this.kafka.send(record).get();
	}

	private void publishState(String topic, String key, String type, Object state) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, EventJson.write(state));
		header(record, EventHeaders.TYPE, type);
		this.kafka.send(record).get();
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<MimeMessage> mailTo(String address) {
		return SharedInfrastructure.get().mail().receivedBy(address);
	}

}
