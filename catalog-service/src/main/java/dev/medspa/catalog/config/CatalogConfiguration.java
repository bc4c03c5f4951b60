package dev.medspa.catalog.config;

import dev.medspa.catalog.StateEvents;
import dev.medspa.events.Topics;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.support.outbox.OutboxCollection;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.support.security.PublicRoutes;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	PublicRoutes publicRoutes() {
		return PublicRoutes.of(PublicRoutes.get("/api/treatments"), PublicRoutes.get("/api/treatments/*"),
				PublicRoutes.get("/api/locations"));
	}

	@Bean
	StateEvents stateEvents(OutboxMessages messages) {
		return messages::of;
	}

	@Bean
	OutboxCollection treatmentOutbox() {
		return new OutboxCollection("treatments");
	}

	@Bean
	OutboxCollection locationOutbox() {
		return new OutboxCollection("locations");
	}

	@Bean
	OutboxCollection practitionerOutbox() {
		return new OutboxCollection("practitioners");
	}

	@Bean
	NewTopic treatmentsTopic(TopicNames topics) {
		return topics.compacted(Topics.TREATMENTS);
	}

	@Bean
	NewTopic locationsTopic(TopicNames topics) {
		return topics.compacted(Topics.LOCATIONS);
	}

	@Bean
	NewTopic practitionersTopic(TopicNames topics) {
		return topics.compacted(Topics.PRACTITIONERS);
	}

}
