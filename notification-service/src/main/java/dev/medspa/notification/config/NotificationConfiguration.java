package dev.medspa.notification.config;

import java.util.List;

import dev.medspa.support.links.EmailCodes;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.events.Topics;
import dev.medspa.notification.plan.PlanRules;
import dev.medspa.notification.plan.Plan;
import dev.medspa.support.timeline.QuietHours;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.support.security.PublicRoutes;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
	NewTopic waitlistEventsTopic(TopicNames topics) {
		return topics.waitlistEventsTopic();
	}

	/**
	 * Where each booking's forms stand, published by intake-service and keyed by booking
	 * id; declared here too, so whichever service starts first creates it alike.
	 */
	@Bean
	NewTopic intakeEventsTopic(TopicNames topics) {
		return topics.intakeEventsTopic();
	}

	/** Prepaid packages bought, published by booking-service; declared here too. */
	@Bean
	NewTopic packageEventsTopic(TopicNames topics) {
		return topics.packageEventsTopic();
	}

	@Bean
	KafkaAdmin.NewTopics catalogStateTopics(TopicNames topics) {
		return topics.catalogStateTopics();
	}

	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(TopicNames topics) {
		return topics.deadLetterTopics(Topics.BOOKING_EVENTS, Topics.WAITLIST_EVENTS, Topics.INTAKE_EVENTS,
				Topics.PACKAGE_EVENTS, Topics.TREATMENTS, Topics.LOCATIONS, Topics.PRACTITIONERS);
	}

	/**
	 * Clients' links to their bookings, derived from the installation's key
	 * ({@code MANAGE_LINK_KEYS}, the first of them signs). There is no default.
	 */
	@Bean
	ManageLinks manageLinks(@Value("${medspa.notification.manage-link-keys:}") List<String> keys) {
		return new ManageLinks(keys);
	}

	/** The codes that prove a client reads their e-mail, made with the same keys. */
	@Bean
	EmailCodes emailCodes(@Value("${medspa.notification.manage-link-keys:}") List<String> keys) {
		return new EmailCodes(keys);
	}

	/**
	 * Plans stored before links were derived lose the tokens they kept, on every start.
	 */
	@Bean
	ApplicationRunner forgetStoredManageTokens(MongoTemplate mongo) {
		return args -> {
			long scrubbed = mongo
				.updateMulti(Query.query(Criteria.where("manageToken").ne(null)), new Update().unset("manageToken"),
						Plan.class)
				.getModifiedCount();
			if (scrubbed > 0) {
				org.slf4j.LoggerFactory.getLogger(NotificationConfiguration.class)
					.info("Removed the stored manage tokens of {} plans", scrubbed);
			}
		};
	}

	@Bean
	PlanRules planRules(NotificationProperties properties) {
		NotificationProperties.Plan plan = properties.plan();
		return new PlanRules(new QuietHours(plan.quietStart(), plan.quietEnd()), plan.reminderBefore(),
				plan.smsReminderBefore(), plan.preCareBefore(), plan.seriesWait(), plan.formsReminderBefore(),
				properties.confirmationGrace());
	}

	/** Clients unsubscribe through the link in a message, without an account. */
	@Bean
	PublicRoutes publicRoutes() {
		return PublicRoutes.of(PublicRoutes.get("/api/unsubscribe/*"), PublicRoutes.post("/api/unsubscribe/*"),
				PublicRoutes.post("/api/email-codes"));
	}

}
