package dev.medspa.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.medspa.booking.reservation.Booking;
import dev.medspa.support.outbox.OutboxCollection;
import dev.medspa.support.outbox.OutboxMessage;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.testsupport.LocalInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A booking written just before a crash, whose event was never sent: the relay's sweep
 * finds it and publishes it.
 */
@SpringBootTest(properties = "medspa.outbox.sweep-interval=PT0.5S")
@LocalInfrastructure
class OutboxRecoveryTest {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OutboxMessages messages;

	@Autowired
	dev.medspa.support.messaging.TopicNames topics;

	@org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anEventLeftInTheOutboxIsPublishedByTheSweep() {
		Instant now = Instant.now();
		OutboxMessage pending = this.messages.of("left-behind", new dev.medspa.events.booking.BookingConfirmed(
				new dev.medspa.events.BookingId("left-behind"), 1,
				new dev.medspa.events.TreatmentId("microneedling-consultation"),
				new dev.medspa.events.LocationId("walnut-creek"), now.plusSeconds(86400), now.plusSeconds(88200),
				new dev.medspa.events.booking.BookingConfirmed.ClientContact("Ana", "ana@example.com", null, false),
				now, null, null), now);
		Document booking = new Document("_id", "left-behind").append(OutboxCollection.FIELD,
				List.of(new Document().append("eventId", pending.eventId())
					.append("topic", pending.topic())
					.append("key", pending.key())
					.append("type", pending.type())
					.append("schemaVersion", pending.schemaVersion())
					.append("time", java.util.Date.from(pending.time()))
					.append("payload", pending.payload())));
		this.mongo.getCollection(Booking.COLLECTION).insertOne(booking);

		var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(
				KafkaTestUtils.consumerProps(this.bootstrapServers, "recovery-reader"),
				new org.apache.kafka.common.serialization.StringDeserializer(),
				new org.apache.kafka.common.serialization.StringDeserializer());
		try (consumer) {
			consumer.subscribe(List.of(this.topics.bookingEvents()));
			List<String> ids = new java.util.ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(r -> ids.add(r.key()));
				assertThat(ids).contains("left-behind");
			});
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.mongo.getCollection(Booking.COLLECTION)
				.find(new Document("_id", "left-behind"))
				.first()
				.getList(OutboxCollection.FIELD, Document.class)).isEmpty());
	}

}
