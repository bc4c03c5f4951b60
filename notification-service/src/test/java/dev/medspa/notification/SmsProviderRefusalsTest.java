package dev.medspa.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.medspa.notification.plan.Channel;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMS provider over real HTTP on loopback, answering as providers do when they will
 * not take a text now: throttled (429) and then accepted, the text goes once, with the
 * same idempotency key on every try; failing (500) without end, the text is tried the
 * configured number of times, then failed with the reason, and never again.
 */
@SpringBootTest(
		properties = { "medspa.notification.dispatch.interval=PT0.1S", "medspa.notification.dispatch.first-retry=PT1S",
				"medspa.notification.dispatch.max-retry-interval=PT4S", "medspa.notification.dispatch.max-attempts=4",
				"medspa.notification.sms.provider=http", "medspa.notification.sms.timeout=PT2S" })
@LocalInfrastructure
class SmsProviderRefusalsTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	/** Throttled twice, then accepted. */
	static final String THROTTLED = "+19255550123";

	/** Failing without end. */
	static final String FAILING = "+19255550124";

	record Request(String to, String idempotencyKey) {
	}

	static final List<Request> requests = new CopyOnWriteArrayList<>();

	static final HttpServer PROVIDER = provider();

	private static HttpServer provider() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/messages", exchange -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String to = body.contains(THROTTLED.substring(2)) ? THROTTLED
						: body.contains(FAILING.substring(2)) ? FAILING : "other";
				requests.add(new Request(to, exchange.getRequestHeaders().getFirst("Idempotency-Key")));
				long before = requests.stream().filter(request -> request.to().equals(to)).count();
				int status = to.equals(FAILING) ? 500 : (to.equals(THROTTLED) && before <= 2) ? 429 : 200;
				byte[] answer = (status == 200 ? "{\"id\":\"sms-" + before + "\"}" : "{\"error\":\"not now\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, answer.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void providerUrl(DynamicPropertyRegistry registry) {
		registry.add("medspa.notification.sms.url",
				() -> "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/messages");
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.stop(0);
	}

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(local(2026, 10, 20, 12, 0));
		}

	}

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	PlanStore plans;

	@Autowired
	MutableClock clock;

	@Test
	void aThrottledTextIsSentOnceAndAFailingProviderGetsTheConfiguredAttemptsAndNoMore() {
		this.clock.set(local(2026, 10, 20, 12, 0));
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		Instant start = local(2026, 10, 29, 14, 0);
		for (String phone : List.of(THROTTLED, FAILING)) {
			events.publish(PipelineFixtures.confirmed(bookingId(phone), PipelineFixtures.newEmail("sms"), phone, start,
					local(2026, 10, 20, 12, 0)));
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> smsReminder(THROTTLED).isPresent() && smsReminder(FAILING).isPresent());

		// an hour before the visit both reminders are due; the clock then runs on, so
		// each wait between tries passes
		this.clock.set(start.minus(Duration.ofHours(1)));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(smsReminder(THROTTLED).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
			assertThat(smsReminder(FAILING).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
		});
		// however long the clock runs on, nothing is tried again
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> {
				this.clock.advance(Duration.ofMinutes(1));
				assertThat(requests.stream().filter(request -> request.to().equals(FAILING))).hasSize(4);
			});

		List<Request> throttled = requests.stream().filter(request -> request.to().equals(THROTTLED)).toList();
		assertThat(throttled).hasSize(3);
		assertThat(throttled).extracting(Request::idempotencyKey)
			.containsOnly(smsReminder(THROTTLED).orElseThrow().id());
		assertThat(smsReminder(THROTTLED).orElseThrow().attempts()).isEqualTo(3);

		assertThat(requests.stream().filter(request -> request.to().equals(FAILING))).hasSize(4);
		assertThat(smsReminder(FAILING).orElseThrow().reason()).contains("gave up after 4 attempts").contains("500");
	}

	private java.util.Optional<PlannedMessage> smsReminder(String phone) {
		return this.plans.find(bookingId(phone))
			.flatMap(plan -> plan.messages().stream().filter(message -> message.channel() == Channel.SMS).findFirst());
	}

	private static String bookingId(String phone) {
		return "sms-refused-" + phone.substring(phone.length() - 4);
	}

	static Instant local(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(LA).toInstant();
	}

}
