package dev.medspa.infrastructure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaBrokerTest {

	@TempDir
	Path dir;

	@Test
	void keepsRecordsAcrossARestartOnTheSameDirectory() throws Exception {
		int port = FreePort.find();
		int controllerPort = FreePort.find();
		try (KafkaBroker broker = KafkaBroker.start(this.dir, port, controllerPort)) {
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
					new StringSerializer())) {
				producer.send(new ProducerRecord<>("greetings", "k1", "hello")).get();
				producer.send(new ProducerRecord<>("greetings", "k2", "again")).get();
			}
		}

		try (KafkaBroker broker = KafkaBroker.start(this.dir, port, controllerPort);
				KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
						Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
								ConsumerConfig.GROUP_ID_CONFIG, "reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
								"earliest"),
						new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("greetings"));
			List<String> values = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(record.value());
				}
				assertThat(values).containsExactlyInAnyOrder("hello", "again");
			});
		}
	}

}
