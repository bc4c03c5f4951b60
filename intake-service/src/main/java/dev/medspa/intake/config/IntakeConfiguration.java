package dev.medspa.intake.config;

import java.util.List;

import dev.medspa.events.Topics;
import dev.medspa.intake.intake.BookingIntake;
import dev.medspa.support.links.EmailCodes;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.support.outbox.OutboxCollection;
import dev.medspa.support.security.ClinicalRoutes;
import dev.medspa.support.security.ManagerRoutes;
import dev.medspa.support.security.PublicRoutes;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	/** The client's forms link: the token in the path is the capability. */
	@Bean
	PublicRoutes publicRoutes() {
		return PublicRoutes.of(PublicRoutes.get("/api/intake/*"), PublicRoutes.post("/api/intake/*/forms/*"));
	}

	/**
	 * Health answers: practitioners and managers of the booking's location, and nobody
	 * else, an owner included unless they manage that location.
	 */
	@Bean
	ClinicalRoutes clinicalRoutes() {
		return ClinicalRoutes.of(PublicRoutes.get("/api/staff/locations/{location}/intake/**"),
				PublicRoutes.post("/api/staff/locations/{location}/intake/**"));
	}

	/** Managers and owners publish forms; any staff reads them. */
	@Bean
	ManagerRoutes managerRoutes() {
		return ManagerRoutes.of(PublicRoutes.put("/api/staff/forms/*"));
	}

	@Bean
	ManageLinks manageLinks(@Value("${medspa.intake.manage-link-keys:}") List<String> keys) {
		return new ManageLinks(keys);
	}

	@Bean
	EmailCodes emailCodes(@Value("${medspa.intake.manage-link-keys:}") List<String> keys) {
		return new EmailCodes(keys);
	}

	@Bean
	OutboxCollection intakeOutbox() {
		return new OutboxCollection(BookingIntake.COLLECTION);
	}

	@Bean
	NewTopic intakeEventsTopic(TopicNames topics) {
		return topics.intakeEventsTopic();
	}

	@Bean
	NewTopic bookingEventsTopic(TopicNames topics) {
		return topics.bookingEventsTopic();
	}

	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(TopicNames topics) {
		return topics.deadLetterTopics(Topics.BOOKING_EVENTS);
	}

}
