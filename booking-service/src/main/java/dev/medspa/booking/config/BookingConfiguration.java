package dev.medspa.booking.config;

import dev.medspa.booking.reservation.Booking;
import dev.medspa.events.Topics;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.support.outbox.OutboxCollection;
import dev.medspa.support.security.PublicRoutes;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

	@Bean
	PublicRoutes publicRoutes() {
		return PublicRoutes.of(PublicRoutes.post("/api/bookings"));
	}

	@Bean
	OutboxCollection bookingOutbox() {
		return new OutboxCollection(Booking.COLLECTION);
	}

	@Bean
	NewTopic bookingEventsTopic(TopicNames topics) {
		return topics.events(Topics.BOOKING_EVENTS);
	}

	@Bean
	NewTopic treatmentsDeadLetterTopic(TopicNames topics) {
		return topics.deadLetter(Topics.TREATMENTS);
	}

	@Bean
	NewTopic locationsDeadLetterTopic(TopicNames topics) {
		return topics.deadLetter(Topics.LOCATIONS);
	}

	@Bean
	NewTopic practitionersDeadLetterTopic(TopicNames topics) {
		return topics.deadLetter(Topics.PRACTITIONERS);
	}

}
