package dev.medspa.booking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.Topics;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog copy, kept over the real broker from records as the catalog service
 * publishes them.
 */
@SpringBootTest
@LocalInfrastructure
class CatalogReadModelTest {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	CatalogReadModel readModel;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	MongoTemplate mongo;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void convergesOnTheNewestVersionDespiteDuplicatesAndOldVersions() throws Exception {
		publish(this.topics.locations(), CatalogFixtures.WALNUT_CREEK, EventContracts.LOCATION_STATE.type(),
				EventJson.write(CatalogFixtures.walnutCreek(1, "Walnut Creek")));
		publish(this.topics.locations(), CatalogFixtures.WALNUT_CREEK, EventContracts.LOCATION_STATE.type(),
				EventJson.write(CatalogFixtures.walnutCreek(3, "Walnut Creek Downtown")));
		publish(this.topics.locations(), CatalogFixtures.WALNUT_CREEK, EventContracts.LOCATION_STATE.type(),
				EventJson.write(CatalogFixtures.walnutCreek(2, "Walnut Creek (old name)")));
		publish(this.topics.locations(), CatalogFixtures.WALNUT_CREEK, EventContracts.LOCATION_STATE.type(),
				EventJson.write(CatalogFixtures.walnutCreek(3, "Walnut Creek Downtown")));
		publish(this.topics.locations(), CatalogFixtures.SCOTTSDALE, EventContracts.LOCATION_STATE.type(),
				EventJson.write(CatalogFixtures.scottsdale(1)));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.readModel.location(CatalogFixtures.SCOTTSDALE)).isPresent());
		// the two locations may sit on different partitions: wait for the last record of
		// Walnut Creek too, then check nothing older replaced it
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.readModel.location(CatalogFixtures.WALNUT_CREEK)).get()
				.extracting(CatalogLocation::version)
				.isEqualTo(3L));
		CatalogLocation walnutCreek = this.readModel.location(CatalogFixtures.WALNUT_CREEK).orElseThrow();
		assertThat(walnutCreek.name()).isEqualTo("Walnut Creek Downtown");
		assertThat(walnutCreek.version()).isEqualTo(3);
		assertThat(this.readModel.location(CatalogFixtures.SCOTTSDALE).orElseThrow().zoneId())
			.isEqualTo("America/Phoenix");
	}

	@Test
	void aRecordThatCannotBeReadGoesToTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
		String key = CatalogFixtures.CONSULTATION;
		publish(this.topics.treatments(), key, EventContracts.TREATMENT_STATE.type(), "{ this is not json");
		// a reason that quotes contact data is masked in the dead letter's headers
		publish(this.topics.treatments(), key, "ana.gomez@example.com", "{}");
		publish(this.topics.treatments(), key, EventContracts.TREATMENT_STATE.type(),
				EventJson.write(CatalogFixtures.consultation(1, true)));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.readModel.treatment(key)).map(CatalogTreatment::name)
				.contains("Micro-needling consultation"));
		List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(this.bootstrapServers,
				this.topics.treatments() + Topics.DEAD_LETTER_SUFFIX, records -> records.size() >= 2,
				Duration.ofSeconds(30));
		assertThat(dead).hasSize(2).allSatisfy(record -> {
			assertThat(record.key()).isEqualTo(key);
			assertThat(TopicReader.header(record, "kafka_dlt-exception-message")).isNotNull();
		});
		assertThat(dead.get(0).value()).isEqualTo("{ this is not json");
		assertThat(TopicReader.header(dead.get(1), "kafka_dlt-exception-message"))
			.contains("Unknown event type a***@example.com");
		assertThat(TopicReader.header(dead.get(1), "kafka_dlt-exception-stacktrace")).doesNotContain("ana.gomez");
	}

	/**
	 * On each catalog topic this service reads, a record that cannot be read lands in the
	 * topic's dead-letter topic with the reason, and the record after it on the same
	 * partition is applied within five seconds.
	 */
	@Test
	void aPoisonRecordOnEveryConsumedTopicIsADeadLetterAndTheNextRecordFollowsWithinFiveSeconds() throws Exception {
		String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
		String location = "poisoned-" + suffix;
		String practitioner = "poisoned-" + suffix;
		Map<String, Runnable> topics = new java.util.LinkedHashMap<>();
		topics.put(this.topics.locations(),
				() -> publishQuietly(this.topics.locations(), location, EventContracts.LOCATION_STATE.type(),
						EventJson.write(CatalogFixtures.location(location, "Poisoned", 1))));
		topics.put(this.topics.practitioners(),
				() -> publishQuietly(this.topics.practitioners(), practitioner,
						EventContracts.PRACTITIONER_STATE.type(),
						EventJson.write(CatalogFixtures.practitioner(practitioner, CatalogFixtures.WALNUT_CREEK))));
		for (Map.Entry<String, Runnable> topic : topics.entrySet()) {
			String key = topic.getKey().contains("location") ? location : practitioner;
			publish(topic.getKey(), key, "dev.medspa.catalog.poison", "{\"not\": \"a state\"}");
			topic.getValue().run();
			long published = System.nanoTime();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> topic.getKey().contains("location") ? this.readModel.location(location).isPresent()
						: this.readModel.practitioner(practitioner).isPresent());
			assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(5));
			var dead = TopicReader.readUntil(this.bootstrapServers, topic.getKey() + Topics.DEAD_LETTER_SUFFIX,
					records -> records.stream().anyMatch(record -> key.equals(record.key())), Duration.ofSeconds(10));
			assertThat(dead.stream().filter(record -> key.equals(record.key()))).singleElement()
				.satisfies(record -> assertThat(TopicReader.header(record, "kafka_dlt-exception-message"))
					.contains("Unknown event type dev.medspa.catalog.poison"));
		}
	}

	private void publishQuietly(String topic, String key, String type, String payload) {
		try {
			publish(topic, key, type, payload);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A treatment stored before the read model kept a series' size and spacing is still
	 * read, as no series, until its next version comes.
	 */
	@Test
	void aTreatmentStoredBeforeTheSeriesFieldsIsStillRead() {
		this.mongo.save(new org.bson.Document(java.util.Map.of("_id", "old-shape", "name", "Old shape", "duration",
				"PT30M", "preparation", "PT0S", "cleanup", "PT10M", "roomType", "treatment-room", "qualification",
				"peel", "active", true, "version", 1L, "deviceTypes", List.of())), "catalog_treatments");
		assertThat(this.readModel.treatment("old-shape")).hasValueSatisfying(treatment -> {
			assertThat(treatment.name()).isEqualTo("Old shape");
			assertThat(treatment.seriesSessions()).isZero();
			assertThat(treatment.seriesRecommendedSpacing()).isNull();
		});
	}

	@Test
	void aWipedReadModelIsRebuiltFromTheBeginningOfTheTopics() throws Exception {
		publish(this.topics.locations(), "san-ramon", EventContracts.LOCATION_STATE.type(),
				EventJson.write(CatalogFixtures.location("san-ramon", "San Ramon", 4)));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.readModel.location("san-ramon")).isPresent());
		MessageListenerContainer container = this.listeners.getListenerContainer("booking-catalog-state");

		container.stop();
		this.mongo.dropCollection(CatalogTreatment.class);
		this.mongo.dropCollection(CatalogLocation.class);
		this.mongo.dropCollection(dev.medspa.booking.catalog.CatalogPractitioner.class);
		assertThat(this.readModel.isEmpty()).isTrue();
		container.start();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.readModel.location("san-ramon"))
				.hasValueSatisfying(location -> assertThat(location.version()).isEqualTo(4)));
	}

	private void publish(String topic, String key, String type, String payload) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add(new RecordHeader(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
		this.kafka.send(record).get();
	}

}
