package dev.medspa.support.messaging;

import java.util.Arrays;

import dev.medspa.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topic names of this deployment (the contract's names behind the configured prefix),
 * and their declarations. Every service declares each topic it touches, so whichever
 * service starts first, a topic is created with its right configuration.
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

	public String waitlistEvents() {
		return name(Topics.WAITLIST_EVENTS);
	}

	/** Prepaid packages bought, keyed by package id (booking-service publishes). */
	public String packageEvents() {
		return name(Topics.PACKAGE_EVENTS);
	}

	/** Where each booking's intake and consent forms stand (intake-service publishes). */
	public String intakeEvents() {
		return name(Topics.INTAKE_EVENTS);
	}

	/**
	 * The catalog's state topics, compacted: the broker keeps the latest record of every
	 * key.
	 */
	public KafkaAdmin.NewTopics catalogStateTopics() {
		return new KafkaAdmin.NewTopics(compacted(Topics.TREATMENTS), compacted(Topics.LOCATIONS),
				compacted(Topics.PRACTITIONERS));
	}

	public NewTopic bookingEventsTopic() {
		return TopicBuilder.name(bookingEvents())
			.partitions(this.properties.partitions())
			.replicas(this.properties.replicas())
			.build();
	}

	public NewTopic waitlistEventsTopic() {
		return TopicBuilder.name(waitlistEvents())
			.partitions(this.properties.partitions())
			.replicas(this.properties.replicas())
			.build();
	}

	public NewTopic packageEventsTopic() {
		return TopicBuilder.name(packageEvents())
			.partitions(this.properties.partitions())
			.replicas(this.properties.replicas())
			.build();
	}

	public NewTopic intakeEventsTopic() {
		return TopicBuilder.name(intakeEvents())
			.partitions(this.properties.partitions())
			.replicas(this.properties.replicas())
			.build();
	}

	/**
	 * The dead-letter topics of the given contract topics, where records go that
	 * consumers could not process.
	 */
	public KafkaAdmin.NewTopics deadLetterTopics(String... contractTopics) {
		return new KafkaAdmin.NewTopics(Arrays.stream(contractTopics)
			.map(topic -> TopicBuilder.name(name(topic) + Topics.DEAD_LETTER_SUFFIX)
				.partitions(1)
				.replicas(this.properties.replicas())
				.build())
			.toArray(NewTopic[]::new));
	}

	private NewTopic compacted(String contractTopic) {
		return TopicBuilder.name(name(contractTopic))
			.partitions(this.properties.partitions())
			.replicas(this.properties.replicas())
			.compact()
			.build();
	}

}
