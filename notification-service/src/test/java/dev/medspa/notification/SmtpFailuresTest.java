package dev.medspa.notification;

import java.time.Duration;
import java.time.Instant;

import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.FlakyTcpProxy;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail server goes away for a while: the message is retried with a growing wait and
 * arrives once. An address no server can take is recorded as failed, with the reason.
 */
@SpringBootTest(properties = { "medspa.notification.dispatch.interval=PT0.1S",
		"medspa.notification.dispatch.first-retry=PT0.5S", "medspa.notification.dispatch.max-attempts=5" })
@LocalInfrastructure
class SmtpFailuresTest {

	static final FlakyTcpProxy SMTP = FlakyTcpProxy.to("127.0.0.1", SharedInfrastructure.get().mail().smtpPort());

	@TestConfiguration(proxyBeanMethods = false)
	static class MailThroughTheProxy {

		@Bean
		JavaMailSender mailSender() {
			return PipelineFixtures.mailSenderTo(SMTP.port());
		}

	}

	@AfterAll
	static void closeProxy() {
		SMTP.close();
	}

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	PlanStore plans;

	@Test
	void aMailServerThatIsDownForAWhileGetsTheMessageLaterAndOnlyOnce() {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String email = PipelineFixtures.newEmail("patient");
		String id = "smtp-down-" + email.substring(8, 16);
		SMTP.dropNext(2);
		events.publish(
				PipelineFixtures.confirmed(id, email, null, Instant.now().plus(Duration.ofDays(10)), Instant.now()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(email)).hasSize(1));
		assertThat(SMTP.dropped()).isGreaterThanOrEqualTo(2);
		// the plan records the message as sent just after the server took it
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(confirmation(id).status()).isEqualTo(MessageStatus.SENT));
		assertThat(confirmation(id).attempts()).isEqualTo(3);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(email)).hasSize(1));
	}

	@Test
	void anAddressThatCannotTakeMailIsRecordedAsFailedWithTheReason() {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String id = "smtp-bad-address-" + System.nanoTime();
		events.publish(PipelineFixtures.confirmed(id, "ana@@example..com", null,
				Instant.now().plus(Duration.ofDays(10)), Instant.now()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(confirmation(id).status()).isEqualTo(MessageStatus.FAILED));
		assertThat(confirmation(id).attempts()).isEqualTo(1);
		assertThat(confirmation(id).reason()).contains("ana@@example..com");
	}

	private PlannedMessage confirmation(String id) {
		return this.plans.find(id)
			.flatMap(plan -> plan.messages().stream().filter(m -> m.id().contains(":confirmation:")).findFirst())
			.orElseThrow(() -> new AssertionError("no confirmation planned yet for " + id));
	}

}
