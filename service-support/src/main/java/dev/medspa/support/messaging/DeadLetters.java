package dev.medspa.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.medspa.events.EventHeaders;
import dev.medspa.events.Topics;
import dev.medspa.support.privacy.Pii;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The records this service's consumers gave up on, read back from the dead-letter topics
 * for an operator, and put back on their topic once the cause is fixed. A dead letter
 * shows where it came from and why it failed (the reason is masked: it may quote the
 * record), never its payload. A replay sends the original key, value and event headers
 * again; consumers recognise an event they already applied by its id, so a replay that
 * turns out needless does no harm.
 */
public class DeadLetters {

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration READ_AT_MOST = Duration.ofSeconds(10);

	private final Map<String, Object> consumerConfiguration;

	private final Map<String, Object> producerConfiguration;

	private final KafkaListenerEndpointRegistry listeners;

	DeadLetters(Map<String, Object> consumerConfiguration, Map<String, Object> producerConfiguration,
			KafkaListenerEndpointRegistry listeners) {
		this.consumerConfiguration = consumerConfiguration;
		this.producerConfiguration = producerConfiguration;
		this.listeners = listeners;
	}

	/**
	 * One record a consumer of this service gave up on.
	 *
	 * @param deadLetterTopic where it is kept
	 * @param partition its partition there
	 * @param offset its offset there: with the two above, what names it for a replay
	 * @param topic the topic it came from
	 * @param key its key (an aggregate's id)
	 * @param eventId the CloudEvents id, if the record had one
	 * @param eventType the CloudEvents type, if the record had one
	 * @param consumerGroup the consumer group that gave up
	 * @param failure the class of the failure
	 * @param reason the failure's message, with contact data masked
	 * @param failedAt when it was given up on
	 */
	public record DeadLetter(String deadLetterTopic, int partition, long offset, String topic, @Nullable String key,
			@Nullable String eventId, @Nullable String eventType, @Nullable String consumerGroup,
			@Nullable String failure, @Nullable String reason, Instant failedAt) {
	}

	/**
	 * The dead letters of this service's consumer groups, oldest first, at most
	 * {@code limit} of the newest.
	 */
	public List<DeadLetter> list(int limit) {
		Set<String> groups = consumerGroups();
		List<DeadLetter> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : deadLetterTopics()) {
				List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_AT_MOST);
				if (infos != null) {
					infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
				}
			}
			if (partitions.isEmpty()) {
				return List.of();
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_AT_MOST);
			long deadline = System.nanoTime() + READ_AT_MOST.toNanos();
			while (!readToEnd(consumer, ends) && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					DeadLetter letter = describe(record);
					if (letter.consumerGroup() == null || groups.contains(letter.consumerGroup())) {
						found.add(letter);
					}
				}
			}
		}
		found.sort(Comparator.comparing(DeadLetter::failedAt));
		return found.subList(Math.max(0, found.size() - limit), found.size());
	}

	/**
	 * Puts a dead letter back on the topic it came from.
	 * @return the dead letter replayed, or empty if there is none of this service's at
	 * that place
	 */
	public Optional<DeadLetter> replay(String deadLetterTopic, int partition, long offset) {
		if (!deadLetterTopics().contains(deadLetterTopic)) {
			return Optional.empty();
		}
		ConsumerRecord<byte[], byte[]> record = read(deadLetterTopic, partition, offset).orElse(null);
		if (record == null) {
			return Optional.empty();
		}
		DeadLetter letter = describe(record);
		if (letter.consumerGroup() != null && !consumerGroups().contains(letter.consumerGroup())) {
			return Optional.empty();
		}
		ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(letter.topic(), null, record.key(), record.value());
		for (Header header : record.headers()) {
			if (!header.key().startsWith(KafkaHeaders.PREFIX) && !header.key().startsWith("springDeserializer")) {
				again.headers().add(header);
			}
		}
		Map<String, Object> configuration = new HashMap<>(this.producerConfiguration);
		configuration.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letter-replay");
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(configuration, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer.send(again).get(READ_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new BrokerUnavailable(ex);
		}
		return Optional.of(letter);
	}

	/** The broker did not take the replay. */
	public static class BrokerUnavailable extends RuntimeException {

		BrokerUnavailable(Throwable cause) {
			super("The broker did not take the replayed record: " + cause, cause);
		}

	}

	private Optional<ConsumerRecord<byte[], byte[]>> read(String topic, int partition, long offset) {
		TopicPartition place = new TopicPartition(topic, partition);
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_AT_MOST);
			if (infos == null || infos.stream().noneMatch(info -> info.partition() == partition)) {
				return Optional.empty();
			}
			consumer.assign(List.of(place));
			long end = consumer.endOffsets(List.of(place), READ_AT_MOST).getOrDefault(place, 0L);
			if (offset < 0 || offset >= end) {
				return Optional.empty();
			}
			consumer.seek(place, offset);
			long deadline = System.nanoTime() + READ_AT_MOST.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					if (record.offset() == offset) {
						return Optional.of(record);
					}
					if (record.offset() > offset) {
						return Optional.empty();
					}
				}
			}
			return Optional.empty();
		}
	}

	private static boolean readToEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		Map<String, Object> configuration = new HashMap<>(this.consumerConfiguration);
		configuration.remove(ConsumerConfig.GROUP_ID_CONFIG);
		configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		configuration.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader");
		return new KafkaConsumer<>(configuration, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	/** The dead-letter topics of the topics this service's listeners consume. */
	Set<String> deadLetterTopics() {
		Set<String> topics = new LinkedHashSet<>();
		for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
			String[] consumed = container.getContainerProperties().getTopics();
			if (consumed != null) {
				for (String topic : consumed) {
					topics.add(topic + Topics.DEAD_LETTER_SUFFIX);
				}
			}
		}
		return topics;
	}

	private Set<String> consumerGroups() {
		Set<String> groups = new LinkedHashSet<>();
		for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
			if (container.getGroupId() != null) {
				groups.add(container.getGroupId());
			}
		}
		return groups;
	}

	private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
		String topic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		String reason = text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				topic != null ? topic
						: record.topic().substring(0, record.topic().length() - Topics.DEAD_LETTER_SUFFIX.length()),
				record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
				text(record, EventHeaders.ID), text(record, EventHeaders.TYPE),
				text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
				reason == null ? null : Pii.mask(reason), failedAt(record));
	}

	private static Instant failedAt(ConsumerRecord<byte[], byte[]> record) {
		return Instant.ofEpochMilli(record.timestamp());
	}

	private static @Nullable String text(ConsumerRecord<byte[], byte[]> record, String header) {
		Header found = record.headers().lastHeader(header);
		return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
	}

}
