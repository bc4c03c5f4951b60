package dev.medspa.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.medspa.infrastructure.FreePort;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server (SubEthaSMTP on loopback) that answers as mail servers do when they
 * will not take a message: a temporary refusal (4xx) is tried again with a growing wait
 * and delivered once when the server takes it; a permanent one (5xx) fails the message at
 * once with the server's reason; a server that never stops refusing gets the configured
 * number of attempts and no more.
 */
@SpringBootTest(properties = { "medspa.notification.dispatch.interval=PT0.1S",
		"medspa.notification.dispatch.first-retry=PT0.3S", "medspa.notification.dispatch.max-retry-interval=PT1S",
		"medspa.notification.dispatch.max-attempts=4" })
@LocalInfrastructure
class RefusingMailServerTest {

	/** How the server answers each recipient, by the start of the address. */
	enum Behaviour {

		BUSY_TWICE, GONE, ALWAYS_BUSY, ACCEPT

	}

	static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	static final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

	static final SMTPServer SERVER = SMTPServer.port(FreePort.find())
		.bindAddress(InetAddress.getLoopbackAddress())
		.hostName("refusing.test")
		.messageHandlerFactory(RefusingMailServerTest::handler)
		.build();

	static {
		SERVER.start();
	}

	private static MessageHandler handler(MessageContext context) {
		return new MessageHandler() {

			private String recipient = "";

			@Override
			public void from(String from) {
			}

			@Override
			public void recipient(String address) throws RejectException {
				this.recipient = address;
				int attempt = attempts.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
				switch (behaviour(address)) {
					case GONE -> throw new RejectException(550, "5.1.1 <" + address + ">: no such mailbox here");
					case ALWAYS_BUSY -> throw new RejectException(451, "4.3.2 Try again later");
					case BUSY_TWICE -> {
						if (attempt <= 2) {
							throw new RejectException(421, "4.7.0 Too many connections, slow down");
						}
					}
					case ACCEPT -> {
					}
				}
			}

			@Override
			public String data(InputStream data) throws IOException {
				data.readAllBytes();
				accepted.computeIfAbsent(this.recipient, key -> new AtomicInteger()).incrementAndGet();
				return null;
			}

			@Override
			public void done() {
			}

		};
	}

	static Behaviour behaviour(String address) {
		for (Behaviour behaviour : Behaviour.values()) {
			if (address.startsWith(behaviour.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))) {
				return behaviour;
			}
		}
		return Behaviour.ACCEPT;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MailToTheRefusingServer {

		@Bean
		JavaMailSender mailSender() {
			return PipelineFixtures.mailSenderTo(SERVER.getPortAllocated());
		}

	}

	@AfterAll
	static void stopServer() {
		SERVER.stop();
	}

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	PlanStore plans;

	@Test
	void aTemporaryRefusalIsTriedAgainLaterAndTheMessageArrivesOnce() {
		String email = book("busy-twice");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(confirmation(email).status()).isEqualTo(MessageStatus.SENT));
		assertThat(confirmation(email).attempts()).isEqualTo(3);
		assertThat(attempts.get(email)).hasValue(3);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(accepted.get(email)).hasValue(1));
	}

	@Test
	void aPermanentRefusalFailsTheMessageAtOnceWithTheServersReason() {
		String email = book("gone");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(confirmation(email).status()).isEqualTo(MessageStatus.FAILED));
		assertThat(confirmation(email).reason()).contains("550").contains("no such mailbox here");
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(attempts.get(email)).hasValue(1));
		assertThat(accepted.get(email)).isNull();
	}

	@Test
	void aServerThatNeverStopsRefusingGetsTheConfiguredAttemptsAndNoMore() {
		String email = book("always-busy");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(confirmation(email).status()).isEqualTo(MessageStatus.FAILED));
		assertThat(confirmation(email).reason()).contains("gave up after 4 attempts").contains("451");
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(attempts.get(email)).hasValue(4));
		assertThat(accepted.get(email)).isNull();
	}

	/** A booking whose client's address makes the server behave as named. */
	private String book(String behaviour) {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String email = PipelineFixtures.newEmail(behaviour);
		events.publish(PipelineFixtures.confirmed(bookingId(email), email, null,
				Instant.now().plus(Duration.ofDays(10)), Instant.now()));
		return email;
	}

	private static String bookingId(String email) {
		return "refused-" + Integer.toHexString(email.hashCode());
	}

	private PlannedMessage confirmation(String email) {
		return this.plans.find(bookingId(email))
			.flatMap(plan -> plan.messages().stream().filter(m -> m.id().contains(":confirmation:")).findFirst())
			.orElseThrow(() -> new AssertionError("no confirmation planned yet for " + email));
	}

}
