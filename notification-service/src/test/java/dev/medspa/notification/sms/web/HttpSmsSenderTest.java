package dev.medspa.notification.sms.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.medspa.notification.sms.SmsProperties;
import dev.medspa.notification.sms.SmsProperties.Provider;
import dev.medspa.notification.sms.SmsSender.Sms;
import dev.medspa.notification.sms.SmsSender.SmsRejected;
import dev.medspa.notification.sms.SmsUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a real HTTP server on loopback, so headers, body and timeouts are the real
 * ones.
 */
class HttpSmsSenderTest {

	private static final Sms REMINDER = new Sms("b-42:reminder:v1", "(925) 555-0199",
			"Evergreen Med Spa: see you tomorrow at 10:00 AM.");

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	private HttpServer server;

	private volatile int status = 200;

	private volatile String answer = "{\"id\":\"provider-1\"}";

	private volatile boolean answers = true;

	@BeforeEach
	void startProvider() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		this.server.setExecutor(this.handlers);
		this.server.createContext("/messages", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(), body));
			if (!this.answers) {
				await(this.release);
			}
			byte[] bytes = this.answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopProvider() {
		this.release.countDown();
		this.server.stop(0);
		this.handlers.shutdownNow();
	}

	@Test
	void postsTheMessageWithTheKeyAndTheIdempotencyKey() {
		sender(Duration.ofSeconds(5)).send(REMINDER);
		assertThat(this.received).hasSize(1);
		Received request = this.received.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer test-key");
		assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("b-42:reminder:v1");
		assertThat(request.headers().getFirst("Content-Type")).startsWith("application/json");
		JsonNode body = JsonMapper.builder().build().readTree(request.body());
		assertThat(body.get("to").asString()).isEqualTo("+19255550199");
		assertThat(body.get("text").asString()).isEqualTo("Evergreen Med Spa: see you tomorrow at 10:00 AM.");
		assertThat(body.get("reference").asString()).isEqualTo("b-42:reminder:v1");
		assertThat(body.size()).isEqualTo(3);
	}

	@Test
	void aBadRequestIsRejectedForGood() {
		this.status = 400;
		this.answer = "{\"error\":\"number cannot receive SMS\"}";
		assertThatExceptionOfType(SmsRejected.class).isThrownBy(() -> sender(Duration.ofSeconds(5)).send(REMINDER))
			.withMessageContaining("400")
			.withMessageContaining("number cannot receive SMS");
	}

	@Test
	void anUnavailableProviderIsWorthRetrying() {
		this.status = 503;
		this.answer = "busy";
		assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).send(REMINDER)).isInstanceOf(SmsUnavailable.class)
			.isNotInstanceOf(SmsRejected.class)
			.hasMessageContaining("503");
	}

	@Test
	void throttlingIsWorthRetrying() {
		this.status = 429;
		assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).send(REMINDER)).isInstanceOf(SmsUnavailable.class)
			.isNotInstanceOf(SmsRejected.class)
			.hasMessageContaining("429");
	}

	@Test
	void aRequestTimeoutIsWorthRetrying() {
		this.status = 408;
		assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).send(REMINDER)).isInstanceOf(SmsUnavailable.class)
			.isNotInstanceOf(SmsRejected.class);
	}

	@Test
	void aProviderThatNeverAnswersIsWorthRetryingAfterTheTimeout() {
		this.answers = false;
		long start = System.nanoTime();
		assertThatThrownBy(() -> sender(Duration.ofMillis(300)).send(REMINDER)).isInstanceOf(SmsUnavailable.class)
			.isNotInstanceOf(SmsRejected.class);
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.received).hasSize(1);
	}

	@Test
	void aProviderThatCannotBeReachedIsWorthRetrying() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			closedPort = socket.getLocalPort();
		}
		HttpSmsSender sender = new HttpSmsSender(
				properties(URI.create("http://127.0.0.1:" + closedPort + "/messages"), Duration.ofSeconds(2)));
		assertThatThrownBy(() -> sender.send(REMINDER)).isInstanceOf(SmsUnavailable.class)
			.isNotInstanceOf(SmsRejected.class);
	}

	@Test
	void aNumberThatCannotBeOneIsRejectedWithoutAsking() {
		assertThatExceptionOfType(SmsRejected.class)
			.isThrownBy(() -> sender(Duration.ofSeconds(5)).send(new Sms("b-43:reminder:v1", "call me", "Hello")));
		assertThat(this.received).isEmpty();
	}

	private HttpSmsSender sender(Duration timeout) {
		URI url = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/messages");
		return new HttpSmsSender(properties(url, timeout));
	}

	private static SmsProperties properties(URI url, Duration timeout) {
		return new SmsProperties(Provider.HTTP, null, url, "test-key", "1", timeout, java.util.List.of("US"));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Received(String method, Headers headers, String body) {
	}

}
