package dev.medspa.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.medspa.notification.catalog.CatalogReadModel;
import dev.medspa.notification.delivery.Dispatcher;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanRules;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import dev.medspa.testsupport.StoreQueries;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

import static dev.medspa.notification.DeliveryGuardsTest.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages due now leave as soon as their plan is written, not at the next round; a round
 * finds the rest through the due index, asking the store by {@code _id} only, so its cost
 * does not grow with the plans stored.
 */
@SpringBootTest(properties = "medspa.notification.dispatch.interval=PT1H")
@LocalInfrastructure
class DueMessagesTest {

	static final StoreQueries QUERIES = new StoreQueries();

	@TestConfiguration(proxyBeanMethods = false)
	static class Setup {

		@Bean
		MutableClock clock() {
			return new MutableClock(local(2026, 10, 20, 12, 0));
		}

		@Bean
		MongoClientSettingsBuilderCustomizer watchQueries() {
			return QUERIES.customizer();
		}

	}

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	MutableClock clock;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	PlanStore plans;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	PlanRules rules;

	@Test
	void aConfirmationLeavesAsSoonAsItsPlanIsWrittenWithoutWaitingForARound() {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String email = PipelineFixtures.newEmail("at-once");
		events.publish(PipelineFixtures.confirmed("at-once-" + email.substring(8, 16), email, null,
				local(2026, 10, 27, 11, 0), this.clock.instant()));

		// rounds come every hour here: only the send on writing the plan can deliver it
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(email)).hasSize(1));
	}

	@Test
	void aPlanWhoseSendNeverHappenedIsFoundByTheNextRoundAndSentOnce() {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.catalog.location(PipelineFixtures.WALNUT_CREEK).isPresent()
					&& this.catalog.treatment(PipelineFixtures.MICRONEEDLING).isPresent());
		String email = PipelineFixtures.newEmail("crashed");
		// written as a consumer would, but as if the instance stopped before sending
		assertThat(this.plans.insert(plan("crashed-" + email.substring(8, 16), email, local(2026, 10, 27, 11, 0))))
			.isTrue();
		assertThat(PipelineFixtures.mailTo(email)).isEmpty();

		this.dispatcher.dispatchDue();
		this.dispatcher.dispatchDue();

		assertThat(PipelineFixtures.mailTo(email)).hasSize(1);
	}

	@Test
	void aRoundAsksTheStoreByIdOnlyAndAsMuchWithManyPlansStoredAsWithFew() {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.catalog.location(PipelineFixtures.WALNUT_CREEK).isPresent()
					&& this.catalog.treatment(PipelineFixtures.MICRONEEDLING).isPresent());
		this.clock.set(local(2026, 11, 2, 9, 0));
		// enough that every page of the minute their confirmations were noted under is
		// used
		storePlansWithNothingDue(200, "few");
		this.dispatcher.dispatchDue();
		List<StoreQueries.Query> withFew = ofTheRound(QUERIES.during(this.dispatcher::dispatchDue));

		storePlansWithNothingDue(400, "many");
		this.dispatcher.dispatchDue();
		List<StoreQueries.Query> withMany = ofTheRound(QUERIES.during(this.dispatcher::dispatchDue));

		assertThat(StoreQueries.scans(withMany)).isEmpty();
		assertThat(withMany).hasSameSizeAs(withFew);
	}

	/**
	 * The round's own queries: the recorder hears every query of the service, and the
	 * webhook dispatcher's scheduled claim (on {@code webhook_queue}) may fall inside the
	 * window of one round and not the other. Everything a round reads is in the due index
	 * and the plans.
	 */
	private static List<StoreQueries.Query> ofTheRound(List<StoreQueries.Query> queries) {
		return queries.stream().filter(query -> !query.collection().startsWith("webhook_")).toList();
	}

	/** Plans whose confirmation went out and whose reminders are weeks away. */
	private void storePlansWithNothingDue(int count, String prefix) {
		for (int i = 0; i < count; i++) {
			String email = PipelineFixtures.newEmail(prefix);
			String id = prefix + "-" + i + "-" + email.substring(prefix.length(), prefix.length() + 8);
			Plan plan = plan(id, email, local(2026, 12, 15, 11, 0));
			this.plans.insert(plan);
			this.plans.update(id,
					stored -> Optional.of(new Plan(stored.bookingId(), stored.bookingVersion(),
							stored.scheduleVersion(), stored.status(), stored.treatmentId(), stored.locationId(),
							stored.zoneId(), stored.start(), stored.end(), stored.client(), null, null,
							stored.messages()
								.stream()
								.map(message -> message.step().immediate() ? sent(message) : message)
								.toList(),
							null, stored.revision(), stored.waitlist(), stored.practitionerId(), stored.series(),
							stored.intake(), stored.clinicReason(), stored.purchase())));
		}
	}

	private dev.medspa.notification.plan.PlannedMessage sent(dev.medspa.notification.plan.PlannedMessage message) {
		return Plan.sent(message, this.clock.instant());
	}

	private Plan plan(String id, String email, Instant start) {
		return Plan.confirmed(PipelineFixtures.confirmed(id, email, null, start, this.clock.instant()),
				this.catalog.treatment(PipelineFixtures.MICRONEEDLING).orElseThrow(),
				this.catalog.location(PipelineFixtures.WALNUT_CREEK).orElseThrow(), this.rules);
	}

}
