package dev.medspa.booking.config;

import java.util.List;

import dev.medspa.booking.prepaid.ClientPackage;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.waitlist.WaitlistEntry;
import dev.medspa.events.Topics;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.support.links.EmailCodes;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.support.outbox.OutboxCollection;
import dev.medspa.support.security.ManagerRoutes;
import dev.medspa.support.security.OwnerRoutes;
import dev.medspa.support.security.PublicRoutes;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

	@Bean
	PublicRoutes publicRoutes() {
		return PublicRoutes.of(PublicRoutes.post("/api/bookings"), PublicRoutes.get("/api/availability"),
				PublicRoutes.get("/api/availability/days"), PublicRoutes.get("/api/manage/*"),
				PublicRoutes.post("/api/manage/*/reschedule"), PublicRoutes.post("/api/manage/*/cancel"),
				PublicRoutes.post("/api/holds"),
				new PublicRoutes.Route(org.springframework.http.HttpMethod.DELETE, "/api/holds/*"),
				PublicRoutes.post("/api/waitlist"), PublicRoutes.get("/api/waitlist/*"),
				new PublicRoutes.Route(org.springframework.http.HttpMethod.DELETE, "/api/waitlist/*"),
				PublicRoutes.post("/api/waitlist/*/resume"), PublicRoutes.get("/api/waitlist/offers/*"),
				PublicRoutes.post("/api/waitlist/offers/*/claim"), PublicRoutes.get("/api/series/proposal"),
				PublicRoutes.post("/api/series"), PublicRoutes.get("/api/policies"),
				PublicRoutes.get("/api/packages/offers"), PublicRoutes.post("/api/packages"),
				PublicRoutes.get("/api/manage/*/packages"), PublicRoutes.get("/api/manage/*/cancellation"),
				// a calendar feed: its token is the key (calendar apps send no bearer)
				PublicRoutes.get("/feeds/*"),
				new PublicRoutes.Route(org.springframework.http.HttpMethod.HEAD, "/feeds/*"));
	}

	/**
	 * Schedules, how a location offers freed slots, the refill figures and the package
	 * offers are for managers and owners; a location's calendar feeds for its managers
	 * and owners.
	 */
	@Bean
	ManagerRoutes managerRoutes() {
		return ManagerRoutes
			.of(PublicRoutes.put("/api/staff/schedules/**"), PublicRoutes.put("/api/staff/waitlist/settings/*"),
					PublicRoutes.get("/api/staff/waitlist/refills"), PublicRoutes.put("/api/staff/packages/offers/*"))
			.andOfTheirLocation(PublicRoutes.post("/api/staff/locations/{location}/feeds"),
					PublicRoutes.get("/api/staff/locations/{location}/feeds"),
					PublicRoutes.get("/api/staff/locations/{location}/feeds/*"),
					new PublicRoutes.Route(org.springframework.http.HttpMethod.DELETE,
							"/api/staff/locations/{location}/feeds/*"),
					PublicRoutes.get("/api/staff/locations/{location}/policies/*"),
					PublicRoutes.put("/api/staff/locations/{location}/policies/*"));
	}

	/** A treatment's cancellation policy for every location is the owners' to change. */
	@Bean
	OwnerRoutes ownerRoutes() {
		return OwnerRoutes.of(PublicRoutes.put("/api/staff/policies/*"));
	}

	/**
	 * Clients' keys to their bookings, derived from the installation's keys
	 * ({@code MANAGE_LINK_KEYS}; the first signs, all verify). There is no default.
	 */
	@Bean
	ManageLinks manageLinks(@Value("${medspa.booking.manage-link-keys:}") List<String> keys) {
		return new ManageLinks(keys);
	}

	/**
	 * The codes that prove a client reads their e-mail, made by notification-service with
	 * the same keys.
	 */
	@Bean
	EmailCodes emailCodes(@Value("${medspa.booking.manage-link-keys:}") List<String> keys) {
		return new EmailCodes(keys);
	}

	@Bean
	OutboxCollection bookingOutbox() {
		return new OutboxCollection(Booking.COLLECTION);
	}

	@Bean
	OutboxCollection waitlistOutbox() {
		return new OutboxCollection(WaitlistEntry.COLLECTION);
	}

	/** Each settled money movement's event leaves through its ledger's outbox. */
	@Bean
	OutboxCollection paymentOutbox() {
		return new OutboxCollection(dev.medspa.booking.payment.Ledger.COLLECTION);
	}

	/**
	 * A package's purchase leaves through the package's own outbox, written as it is
	 * paid.
	 */
	@Bean
	OutboxCollection packageOutbox() {
		return new OutboxCollection(ClientPackage.COLLECTION);
	}

	@Bean
	NewTopic bookingEventsTopic(TopicNames topics) {
		return topics.bookingEventsTopic();
	}

	@Bean
	NewTopic waitlistEventsTopic(TopicNames topics) {
		return topics.waitlistEventsTopic();
	}

	@Bean
	NewTopic packageEventsTopic(TopicNames topics) {
		return topics.packageEventsTopic();
	}

	/** intake-service publishes it; declared here too, whichever starts first. */
	@Bean
	NewTopic intakeEventsTopic(TopicNames topics) {
		return topics.intakeEventsTopic();
	}

	@Bean
	KafkaAdmin.NewTopics catalogStateTopics(TopicNames topics) {
		return topics.catalogStateTopics();
	}

	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(TopicNames topics) {
		return topics.deadLetterTopics(Topics.TREATMENTS, Topics.LOCATIONS, Topics.PRACTITIONERS, Topics.BOOKING_EVENTS,
				Topics.INTAKE_EVENTS);
	}

}
