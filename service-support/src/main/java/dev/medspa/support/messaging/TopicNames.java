package dev.medspa.support.messaging;

import dev.medspa.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.config.TopicBuilder;

/**
 * The topic names of this deployment: the contract's names behind the configured prefix.
 */
public final class TopicNames {

	private final KafkaTopicProperties properties;

	public TopicNames(KafkaTopicProperties properties) {
		this.properties = properties;
	}

	/**
	 * The deployed name of a contract topic, for example
	 * {@code name(Topics.BOOKING_EVENTS)}.
	 */
	public String name(String contractTopic) {
		return this.properties.topicPrefix() + contractTopic;
	}

	public String treatments() {
		return name(Topics.TREATMENTS);
	}

	public String locations() {
		return name(Topics.LOCATIONS);
	}

	public String practitioners() {
		return name(Topics.PRACTITIONERS);
	}

	public String bookingEvents() {
		return name(Topics.BOOKING_EVENTS);
	}

	/**
	 * A compacted topic: the broker keeps the latest record of every key, which is the
	 * entity's state.
	 */
	public NewTopic compacted(String contractTopic) {
		return TopicBuilder.name(name(contractTopic))
			.partitions(this.properties.partitions())
			.replicas(this.properties.replicas())
			.compact()
			.build();
	}

	public NewTopic events(String contractTopic) {
		return TopicBuilder.name(name(contractTopic))
			.partitions(this.properties.partitions())
			.replicas(this.properties.replicas())
			.build();
	}

	/** Where the records of a topic go that its consumers could not process. */
	public NewTopic deadLetter(String contractTopic) {
		return TopicBuilder.name(name(contractTopic) + Topics.DEAD_LETTER_SUFFIX)
			.partitions(1)
			.replicas(this.properties.replicas())
			.build();
	}

}
