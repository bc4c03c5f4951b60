package dev.medspa.notification.config;

import dev.medspa.events.Topics;
import dev.medspa.support.messaging.TopicNames;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	NewTopic bookingEventsTopic(TopicNames topics) {
		return topics.bookingEventsTopic();
	}

	@Bean
	KafkaAdmin.NewTopics catalogStateTopics(TopicNames topics) {
		return topics.catalogStateTopics();
	}

	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(TopicNames topics) {
		return topics.deadLetterTopics(Topics.BOOKING_EVENTS, Topics.TREATMENTS, Topics.LOCATIONS);
	}

}
