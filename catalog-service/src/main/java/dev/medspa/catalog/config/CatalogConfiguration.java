package dev.medspa.catalog.config;

import dev.medspa.catalog.StateEvents;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.support.outbox.OutboxCollection;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.support.security.ManagerRoutes;
import dev.medspa.support.security.OwnerRoutes;
import dev.medspa.support.security.PublicRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	PublicRoutes publicRoutes() {
		return PublicRoutes.of(PublicRoutes.get("/api/treatments"), PublicRoutes.get("/api/treatments/*"),
				PublicRoutes.get("/api/locations"), PublicRoutes.get("/api/locations/*"),
				PublicRoutes.get("/api/practitioners"));
	}

	/** Changing the catalog is for managers and owners; reading it, for any staff. */
	@Bean
	OwnerRoutes ownerRoutes() {
		return OwnerRoutes.of(PublicRoutes.post("/api/staff/locations"),
				PublicRoutes.post("/api/staff/locations/*/retire"));
	}

	/**
	 * Managers keep treatments, their locations and their practitioners (checked in each
	 * controller).
	 */
	@Bean
	ManagerRoutes managerRoutes() {
		return ManagerRoutes.of(PublicRoutes.post("/api/staff/**"), PublicRoutes.put("/api/staff/**"))
			.andOfTheirLocation(PublicRoutes.put("/api/staff/locations/{location}"));
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
	KafkaAdmin.NewTopics catalogStateTopics(TopicNames topics) {
		return topics.catalogStateTopics();
	}

}
