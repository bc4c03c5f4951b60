package dev.medspa.notification.config;

import dev.medspa.events.Topics;
import dev.medspa.notification.plan.PlanRules;
import dev.medspa.notification.plan.QuietHours;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.support.security.PublicRoutes;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
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

	@Bean
	PlanRules planRules(NotificationProperties properties) {
		NotificationProperties.Plan plan = properties.plan();
		return new PlanRules(new QuietHours(plan.quietStart(), plan.quietEnd()), plan.reminderBefore(),
				plan.smsReminderBefore(), plan.preCareBefore());
	}

	/** Clients unsubscribe through the link in a message, without an account. */
	@Bean
	PublicRoutes publicRoutes() {
		return PublicRoutes.of(PublicRoutes.get("/api/unsubscribe/*"), PublicRoutes.post("/api/unsubscribe/*"));
	}

}
