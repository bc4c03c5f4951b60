package dev.medspa.notification.config;

import dev.medspa.events.Topics;
import dev.medspa.support.messaging.TopicNames;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	NewTopic bookingEventsDeadLetterTopic(TopicNames topics) {
		return topics.deadLetter(Topics.BOOKING_EVENTS);
	}

	@Bean
	NewTopic treatmentsDeadLetterTopic(TopicNames topics) {
		return topics.deadLetter(Topics.TREATMENTS);
	}

	@Bean
	NewTopic locationsDeadLetterTopic(TopicNames topics) {
		return topics.deadLetter(Topics.LOCATIONS);
	}

}
