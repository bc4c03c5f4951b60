package dev.medspa.booking.payment.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.medspa.booking.payment.PaymentProvider;
import dev.medspa.booking.payment.PaymentProvider.Outcome;
import dev.medspa.support.messaging.EventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP adapter against a loopback server that speaks the documented protocol: it
 * keeps the first answer per idempotency key, declines {@code pm_decline...} tokens with
 * 402, and can be told to fail with a 503 or to answer too late.
 */
class HttpPaymentProviderTest {

	private HttpServer server;

	private final Map<String, String> answers = new ConcurrentHashMap<>();

	private final List<Map<?, ?>> charges = new CopyOnWriteArrayList<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger failNext = new AtomicInteger();

	/**
	 * Holds the provider's answers until the test lets them go, as a slow provider would.
	 */
	private volatile java.util.concurrent.CountDownLatch answersHeld = new java.util.concurrent.CountDownLatch(0);

	private HttpPaymentProvider provider;

	@BeforeEach
	void startProvider() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.start();
		this.provider = new HttpPaymentProvider(
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/"), "sk_test_loopback",
				Duration.ofMillis(700));
	}

	@AfterEach
	void stopProvider() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		this.requests.add(exchange.getRequestURI().getPath() + " " + key + " "
				+ exchange.getRequestHeaders().getFirst("Authorization"));
		try {
			this.answersHeld.await(10, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			respond(exchange, 503, "{\"error\":{\"type\":\"api_error\",\"message\":\"try later\"}}");
			return;
		}
		String earlier = this.answers.get(key);
		if (earlier != null) {
			int status = Integer.parseInt(earlier.substring(0, 3));
			respond(exchange, status, earlier.substring(3));
			return;
		}
		Map<?, ?> json = EventJson.MAPPER.readValue(body, Map.class);
		String path = exchange.getRequestURI().getPath();
		String answer;
		if (path.equals("/v1/payment_intents") && String.valueOf(json.get("payment_method")).startsWith("pm_decline")) {
			answer = "402{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":"
					+ "\"insufficient_funds\",\"message\":\"Your card has insufficient funds.\","
					+ "\"payment_intent\":{\"id\":\"pi_declined_1\",\"status\":\"requires_payment_method\"}}}";
		}
		else if (path.equals("/v1/payment_intents")) {
			this.charges.add(json);
			answer = "200{\"id\":\"pi_" + this.charges.size() + "\",\"object\":\"payment_intent\",\"amount\":"
					+ json.get("amount") + ",\"status\":\"succeeded\"}";
		}
		else if (path.equals("/v1/refunds")) {
			answer = "200{\"id\":\"re_1\",\"object\":\"refund\",\"status\":\"succeeded\"}";
		}
		else {
			answer = "200{\"id\":\"seti_1\",\"object\":\"setup_intent\",\"status\":\"requires_action\"}";
		}
		this.answers.put(key, answer);
		respond(exchange, Integer.parseInt(answer.substring(0, 3)), answer.substring(3));
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Test
	void chargesWithTheKeyAndAnswersARepeatWithTheFirstResult() {
		Outcome first = this.provider.charge("b1:deposit", "booking:b1", "pm_card_visa", 5000, "USD");
		Outcome repeat = this.provider.charge("b1:deposit", "booking:b1", "pm_card_visa", 5000, "USD");

		assertThat(first).isEqualTo(Outcome.succeeded("pi_1"));
		assertThat(repeat).isEqualTo(first);
		assertThat(this.charges).singleElement().satisfies(charge -> {
			assertThat(charge.get("amount")).isEqualTo(5000);
			assertThat(charge.get("currency")).isEqualTo("usd");
			assertThat(charge.get("customer")).isEqualTo("booking:b1");
			assertThat(charge.get("capture")).isEqualTo(true);
		});
		assertThat(this.requests).allMatch(line -> line.endsWith("b1:deposit Bearer sk_test_loopback"));
	}

	@Test
	void aDeclineCarriesTheProvidersReason() {
		Outcome declined = this.provider.charge("b2:deposit", "booking:b2", "pm_decline_funds", 5000, "USD");

		assertThat(declined.status()).isEqualTo(PaymentProvider.Status.FAILED);
		assertThat(declined.declineCode()).isEqualTo("insufficient_funds");
		assertThat(declined.message()).isEqualTo("Your card has insufficient funds.");
		assertThat(declined.id()).isEqualTo("pi_declined_1");
		assertThat(this.charges).isEmpty();
	}

	@Test
	void aServerErrorOrNoAnswerInTimeIsUnavailableAndTheSameKeyThenChargesOnce() {
		this.failNext.set(1);
		assertThatThrownBy(() -> this.provider.charge("b3:late-cancel-fee", "booking:b3", "pm_card_visa", 3000, "USD"))
			.isInstanceOf(PaymentProvider.Unavailable.class)
			.hasMessageContaining("503");

		this.answersHeld = new java.util.concurrent.CountDownLatch(1);
		assertThatThrownBy(() -> this.provider.charge("b3:late-cancel-fee", "booking:b3", "pm_card_visa", 3000, "USD"))
			.isInstanceOf(PaymentProvider.Unavailable.class);
		this.answersHeld.countDown();

		// the provider made the charge whose answer was lost: the resend gets that answer
		org.awaitility.Awaitility.await()
			.untilAsserted(() -> assertThat(this.answers).containsKey("b3:late-cancel-fee"));
		Outcome resent = this.provider.charge("b3:late-cancel-fee", "booking:b3", "pm_card_visa", 3000, "USD");
		assertThat(resent.status()).isEqualTo(PaymentProvider.Status.SUCCEEDED);
		assertThat(this.charges).hasSize(1);
	}

	@Test
	void refundsAndSetUpsReadTheirStatus() {
		assertThat(this.provider.refund("b4:deposit-refund", "pi_9", 5000)).isEqualTo(Outcome.succeeded("re_1"));
		assertThat(this.provider.keepCard("b4:card", "booking:b4", "pm_card_visa").status())
			.isEqualTo(PaymentProvider.Status.REQUIRES_ACTION);
		assertThat(this.requests).anyMatch(line -> line.startsWith("/v1/refunds b4:deposit-refund"))
			.anyMatch(line -> line.startsWith("/v1/setup_intents b4:card"));
	}

}
