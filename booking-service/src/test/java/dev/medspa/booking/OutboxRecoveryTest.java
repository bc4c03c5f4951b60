package dev.medspa.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.medspa.booking.reservation.Booking;
import dev.medspa.infrastructure.FreePort;
import dev.medspa.support.outbox.OutboxCollection;
import dev.medspa.support.outbox.OutboxMessage;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.support.outbox.OutboxRelay;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.TopicReader;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events that did not leave with their write: one left by a crash is found when the relay
 * starts again; one refused by a broker that was away is marked, and the sweep publishes
 * it when the broker is back, reading only the markers.
 */
// sweeps only when the test says
@SpringBootTest(properties = "medspa.outbox.sweep-interval=PT1H")
@LocalInfrastructure
class OutboxRecoveryTest {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OutboxMessages messages;

	@Autowired
	OutboxRelay relay;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	dev.medspa.support.messaging.TopicNames topics;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anEventLeftInTheOutboxByACrashIsPublishedWhenTheRelayStartsAgain() {
		insertWithPendingEvent("left-behind");

		// what the relay of a restarted instance does first
		assertThat(this.relay.recover()).isGreaterThanOrEqualTo(1);

		assertPublished("left-behind");
	}

	@Test
	void anEventTheBrokerDidNotTakeIsMarkedAndPublishedByTheSweepOnceItIsBack() {
		insertWithPendingEvent("broker-away");
		KafkaTemplate<String, String> nowhere = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FreePort.find(),
						ProducerConfig.MAX_BLOCK_MS_CONFIG, 500, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000,
						ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500),
				new StringSerializer(), new StringSerializer()));
		OutboxRelay cutOff = new OutboxRelay(this.mongo, nowhere, List.of(new OutboxCollection(Booking.COLLECTION)),
				"/medspa/test", Duration.ofHours(1));

		// the broker is away: the event stays, and a marker says so
		cutOff.publishNow(Booking.COLLECTION, "broker-away");
		assertThat(pending("broker-away")).hasSize(1);
		assertThat(this.mongo.getCollection(OutboxRelay.PENDING).find(new Document("document", "broker-away")))
			.hasSize(1);

		// back: the service's own relay sweeps, reads the marker and publishes
		this.relay.sweep();
		assertPublished("broker-away");
		assertThat(this.mongo.getCollection(OutboxRelay.PENDING).find(new Document("document", "broker-away")))
			.isEmpty();
	}

	private void insertWithPendingEvent(String id) {
		Instant now = Instant.now();
		OutboxMessage pending = this.messages.of(id, new dev.medspa.events.booking.BookingConfirmed(
				new dev.medspa.events.BookingId(id), 1, new dev.medspa.events.TreatmentId("microneedling-consultation"),
				new dev.medspa.events.LocationId("walnut-creek"), now.plusSeconds(86400), now.plusSeconds(88200),
				new dev.medspa.events.booking.BookingConfirmed.ClientContact("Ana", "ana@example.com", null, false),
				now, null, null), now);
		Document booking = new Document("_id", id).append(OutboxCollection.FIELD,
				List.of(new Document().append("eventId", pending.eventId())
					.append("topic", pending.topic())
					.append("key", pending.key())
					.append("type", pending.type())
					.append("schemaVersion", pending.schemaVersion())
					.append("time", java.util.Date.from(pending.time()))
					.append("payload", pending.payload())));
		this.mongo.getCollection(Booking.COLLECTION).insertOne(booking);
	}

	private List<Document> pending(String id) {
		return this.mongo.getCollection(Booking.COLLECTION)
			.find(new Document("_id", id))
			.first()
			.getList(OutboxCollection.FIELD, Document.class);
	}

	private void assertPublished(String id) {
		TopicReader.readUntil(this.bootstrapServers, this.topics.bookingEvents(),
				records -> records.stream().anyMatch(record -> record.key().equals(id)), Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pending(id)).isEmpty());
	}

}
