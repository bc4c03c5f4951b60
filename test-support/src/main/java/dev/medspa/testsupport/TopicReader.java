package dev.medspa.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its beginning, as a test checks what a service published: records
 * are collected until what was read satisfies the expectation, or the time is up.
 */
public final class TopicReader {

	private TopicReader() {
	}

	/**
	 * The records of the topic, read from the beginning in a group of its own, once
	 * {@code enough} holds for them.
	 * @throws org.awaitility.core.ConditionTimeoutException if it never does within the
	 * time
	 */
	public static List<ConsumerRecord<String, String>> readUntil(String bootstrapServers, String topic,
			Predicate<List<ConsumerRecord<String, String>>> enough, Duration within) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = fromTheBeginning(bootstrapServers)) {
			consumer.subscribe(List.of(topic));
			await().atMost(within).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return enough.test(records);
			});
		}
		return records;
	}

	/**
	 * The records of the topic that match, read from the beginning until there are at
	 * least {@code expected}, and then for {@code quiet} longer, so that a record that
	 * should not be there (a duplicate, say) has the time to show up; the caller asserts
	 * how many there are.
	 */
	public static List<ConsumerRecord<String, String>> readSettled(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, String>> matching, int expected, Duration quiet) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = fromTheBeginning(bootstrapServers)) {
			consumer.subscribe(List.of(topic));
			Runnable poll = () -> consumer.poll(Duration.ofMillis(200)).forEach(record -> {
				if (matching.test(record)) {
					records.add(record);
				}
			});
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				poll.run();
				return records.size() >= expected;
			});
			long until = System.nanoTime() + quiet.toNanos();
			while (System.nanoTime() < until) {
				poll.run();
			}
		}
		return records;
	}

	/** A consumer in a group of its own, so it reads from the beginning. */
	private static KafkaConsumer<String, String> fromTheBeginning(String bootstrapServers) {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
	}

	/** The value of a header of the record, or null. */
	public static String header(ConsumerRecord<String, String> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
	}

}
