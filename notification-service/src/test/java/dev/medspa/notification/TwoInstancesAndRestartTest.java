package dev.medspa.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.MutableClock;
import dev.medspa.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole instances of the service on the real broker, store and SMTP server, started and
 * stopped as a deployment would: two at once share the work without sending anything
 * twice, and one that restarts forgets nothing and repeats nothing.
 */
class TwoInstancesAndRestartTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	static final MutableClock CLOCK = new MutableClock(Instant.now());

	@TestConfiguration(proxyBeanMethods = false)
	static class SharedClock {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

	}

	@Test
	void twoInstancesSendEveryMessageExactlyOnceAndBothDoTheirShare() {
		CLOCK.set(local(2026, 10, 20, 12, 0));
		String name = "t_two_instances_" + Long.toHexString(System.nanoTime());
		try (ConfigurableApplicationContext first = start(name); ConfigurableApplicationContext second = start(name)) {
			// each instance sends the confirmations of the events it consumes at once:
			// both
			// must hold partitions before the events come
			await().atMost(Duration.ofSeconds(60)).until(() -> consumes(first) && consumes(second));
			PipelineFixtures events = fixtures(first);
			events.publishCatalog();
			List<String> clients = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String email = PipelineFixtures.newEmail("pair" + i);
				clients.add(email);
				events.publish(PipelineFixtures.confirmed("pair-" + i + "-" + name, email, null,
						local(2026, 10, 27, 11, 0), CLOCK.instant()));
			}

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(clients)
					.allSatisfy(email -> assertThat(PipelineFixtures.mailTo(email)).isNotEmpty()));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(clients)
					.allSatisfy(email -> assertThat(PipelineFixtures.mailTo(email)).hasSize(1)));

			PlanStore plans = first.getBean(PlanStore.class);
			// each plan records its message as sent just after the server took the mail
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				for (int i = 0; i < 40; i++) {
					assertThat(plans.find("pair-" + i + "-" + name)
						.flatMap(plan -> plan.messages()
							.stream()
							.filter(m -> m.id().contains(":confirmation:"))
							.findFirst())
						.map(PlannedMessage::status)).hasValue(MessageStatus.SENT);
				}
			});
			Set<String> senders = new HashSet<>();
			for (int i = 0; i < 40; i++) {
				PlannedMessage confirmation = plans.find("pair-" + i + "-" + name)
					.flatMap(
							plan -> plan.messages().stream().filter(m -> m.id().contains(":confirmation:")).findFirst())
					.orElseThrow();
				assertThat(confirmation.status()).isEqualTo(MessageStatus.SENT);
				assertThat(confirmation.attempts()).isEqualTo(1);
				senders.add(confirmation.leaseOwner());
			}
			assertThat(senders).as("both instances sent some of the confirmations").hasSize(2);
		}
	}

	@Test
	void anInstanceThatRestartsSendsWhatBecameDueAndNothingTwice() {
		CLOCK.set(local(2026, 10, 20, 12, 0));
		String name = "t_restart_" + Long.toHexString(System.nanoTime());
		String email = PipelineFixtures.newEmail("restart");
		String id = "restart-" + name;
		try (ConfigurableApplicationContext before = start(name)) {
			PipelineFixtures events = fixtures(before);
			events.publishCatalog();
			events.publish(PipelineFixtures.confirmed(id, email, null, local(2026, 10, 27, 11, 0), CLOCK.instant()));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(email)).hasSize(1));
		}

		// the reminder and pre-care fall due while the service is down
		CLOCK.set(local(2026, 10, 26, 12, 0));
		try (ConfigurableApplicationContext after = start(name)) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(email)).hasSize(3));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(email)).hasSize(3));
			assertThat(PipelineFixtures.mailTo(email)).extracting(mail -> mail.getSubject())
				.containsExactlyInAnyOrder("Your appointment at Evergreen Med Spa Walnut Creek is confirmed",
						"Getting ready for your appointment at Evergreen Med Spa Walnut Creek on Tuesday, October 27",
						"Reminder: your appointment at Evergreen Med Spa Walnut Creek on Tuesday, October 27");
			Plan plan = after.getBean(PlanStore.class).find(id).orElseThrow();
			assertThat(plan.messages()).allSatisfy(message -> assertThat(message.attempts()).isLessThanOrEqualTo(1));
		}
	}

	private static boolean consumes(ConfigurableApplicationContext context) {
		var container = context.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class)
			.getListenerContainer("notification-booking-events");
		return container != null && container.getAssignedPartitions() != null
				&& !container.getAssignedPartitions().isEmpty();
	}

	private static ConfigurableApplicationContext start(String name) {
		SharedInfrastructure infrastructure = SharedInfrastructure.get();
		return new SpringApplicationBuilder(NotificationApplication.class, SharedClock.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--spring.mongodb.uri=" + infrastructure.mongoConnectionString() + "/" + name,
				"--spring.mongodb.database=" + name, "--medspa.kafka.topic-prefix=" + name + ".",
				"--spring.kafka.consumer.group-id=" + name, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + infrastructure.mail().smtpPort(),
				"--medspa.notification.dispatch.interval=PT0.05S",
				// one consumer each, so that both instances hold some of the three
				// partitions
				"--medspa.notification.booking-event-consumers=1");
	}

	private static PipelineFixtures fixtures(ConfigurableApplicationContext context) {
		@SuppressWarnings("unchecked")
		KafkaTemplate<String, String> kafka = context.getBean(KafkaTemplate.class);
		return new PipelineFixtures(kafka, context.getBean(TopicNames.class));
	}

	static Instant local(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(LA).toInstant();
	}

}
