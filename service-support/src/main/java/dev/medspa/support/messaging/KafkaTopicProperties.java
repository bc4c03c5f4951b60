package dev.medspa.support.messaging;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param topicPrefix put in front of every topic name, so that several platforms (or test
 * classes) can share one broker
 * @param partitions partitions of the topics a service creates
 * @param replicas replication factor of the topics a service creates
 */
@Validated
@ConfigurationProperties("medspa.kafka")
public record KafkaTopicProperties(@DefaultValue("") String topicPrefix, @DefaultValue("3") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicas) {
}
