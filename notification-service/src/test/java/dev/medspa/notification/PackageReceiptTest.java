package dev.medspa.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.TreatmentId;
import dev.medspa.events.prepaid.PackagePurchased;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Step;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Package purchases in over the real broker, receipts out over real SMTP: one receipt per
 * package however often its event comes, one sent by the dispatcher's round when nothing
 * sent it at once (a crash after the plan was stored), and nothing of the buyer kept once
 * it is sent. Shares {@link ConfirmationFlowTest}'s context.
 */
@SpringBootTest(properties = { "medspa.kafka.retry.initial-interval=PT0.2S", "medspa.kafka.retry.max-interval=PT1S",
		"medspa.notification.dispatch.interval=PT0.2S" })
@LocalInfrastructure
class PackageReceiptTest {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	PlanStore plans;

	PipelineFixtures events;

	@BeforeEach
	void fixtures() {
		this.events = new PipelineFixtures(this.kafka, this.topics);
	}

	@Test
	void theBuyerGetsOneReceiptPerPackageWhateverIsRedelivered() throws Exception {
		String email = PipelineFixtures.newEmail("buyer");
		PackagePurchased purchase = purchased(email);

		this.events.publish(purchase, "purchased-1");
		this.events.publish(purchase, "purchased-1");
		this.events.publish(purchase, "purchased-again");

		MimeMessage receipt = onlyMailTo(email);
		assertThat(receipt.getSubject()).isEqualTo("Your prepaid package from Evergreen Med Spa");
		String text = PipelineFixtures.part(receipt, "text/plain");
		assertThat(text).contains("Hello Ana Gomez")
			.contains("Micro-needling, course of 3")
			.contains("Sessions:  3")
			.contains("$900.00")
			.contains("\"Use a session from my prepaid package\"")
			.contains("same e-mail address (" + email + ")")
			.contains("http://127.0.0.1:8080/book")
			.doesNotContain("pi_");
		assertThat(PipelineFixtures.part(receipt, "text/html")).contains("<table")
			.contains("$900.00")
			.contains("Use a session from my prepaid package")
			.contains("href=\"http://127.0.0.1:8080/book\"");

		// redelivered after it was sent: nothing more
		this.events.publish(purchase, "purchased-1");
		assertThat(onlyMailTo(email)).isNotNull();

		Plan plan = this.plans.find(Plan.packageId(purchase.packageId())).orElseThrow();
		assertThat(plan.messages()).singleElement().satisfies(message -> {
			assertThat(message.step()).isEqualTo(Step.PACKAGE_RECEIPT);
			assertThat(message.status()).isEqualTo(MessageStatus.SENT);
		});
		assertThat(plan.client().email()).doesNotContain("buyer");
		assertThat(plan.client().name()).doesNotContain("Ana");
		assertThat(this.plans.ofClient(email)).isEmpty();
	}

	@Test
	void aReceiptPlannedBeforeACrashIsSentByTheNextRoundOnce() throws Exception {
		String email = PipelineFixtures.newEmail("crashed");
		PackagePurchased purchase = purchased(email);
		// stored as the listener stores it, but nobody sent it at once
		assertThat(this.plans.insert(Plan.packagePurchased(purchase))).isTrue();

		assertThat(onlyMailTo(email).getSubject()).startsWith("Your prepaid package");

		this.events.publish(purchase, "purchased-after-the-crash");
		assertThat(onlyMailTo(email)).isNotNull();
		assertThat(this.plans.find(Plan.packageId(purchase.packageId())).orElseThrow().messages())
			.extracting(PlannedMessage::status)
			.containsExactly(MessageStatus.SENT);
	}

	private static PackagePurchased purchased(String email) {
		return new PackagePurchased(UUID.randomUUID().toString(), "microneedling-3", new TreatmentId("microneedling"),
				"Micro-needling, course of 3", 3, 90000, "USD", "pi_" + UUID.randomUUID(),
				new PackagePurchased.Buyer("Ana Gomez", email, "+1 925 555 0199"), Instant.now());
	}

	/** The one mail to the address, once it came and nothing followed for a while. */
	private static MimeMessage onlyMailTo(String address) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(address)).isNotEmpty());
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(PipelineFixtures.mailTo(address)).hasSize(1));
		List<MimeMessage> mail = PipelineFixtures.mailTo(address);
		return mail.get(0);
	}

}
