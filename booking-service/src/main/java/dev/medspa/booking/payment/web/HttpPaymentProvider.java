package dev.medspa.booking.payment.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.medspa.booking.payment.PaymentProvider;
import dev.medspa.support.messaging.EventJson;
import org.jspecify.annotations.Nullable;

/**
 * A card-token provider over HTTP, in the way the big providers work. Every call is a
 * {@code POST} of a JSON body with {@code Authorization: Bearer <key>} and an
 * {@code Idempotency-Key} header:
 * <ul>
 * <li>{@code /v1/setup_intents} {@code {customer, payment_method}}: keeps a card;</li>
 * <li>{@code /v1/payment_intents} {@code {amount, currency, customer, payment_method,
 * capture: true, off_session: true}}: charges it, amounts in minor units and currencies
 * in lower case;</li>
 * <li>{@code /v1/refunds} {@code {payment_intent, amount}}.</li>
 * </ul>
 * The answer is {@code 200} with {@code {id, status}} where status is {@code succeeded},
 * {@code requires_action} or {@code failed} (then with {@code decline_code} and
 * {@code message}), or {@code 402} with {@code {error: {code, decline_code, message,
 * payment_intent: {id}}}} for a declined card. A 5xx, a 409 (the same key still in
 * progress), a 429 or no answer in time is unavailable: the same call is sent again later
 * with the same key.
 */
public class HttpPaymentProvider implements PaymentProvider {

	private final HttpClient http;

	private final URI baseUrl;

	private final String apiKey;

	private final Duration timeout;

	public HttpPaymentProvider(URI baseUrl, String apiKey, Duration timeout) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public Outcome keepCard(String idempotencyKey, String customer, String paymentMethod) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customer", customer);
		body.put("payment_method", paymentMethod);
		body.put("usage", "off_session");
		return post("/v1/setup_intents", idempotencyKey, body);
	}

	@Override
	public Outcome charge(String idempotencyKey, String customer, String paymentMethod, long amount, String currency) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amount", amount);
		body.put("currency", currency.toLowerCase(Locale.ROOT));
		body.put("customer", customer);
		body.put("payment_method", paymentMethod);
		body.put("capture", true);
		body.put("off_session", true);
		return post("/v1/payment_intents", idempotencyKey, body);
	}

	@Override
	public Outcome refund(String idempotencyKey, String paymentId, long amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("payment_intent", paymentId);
		body.put("amount", amount);
		return post("/v1/refunds", idempotencyKey, body);
	}

	private Outcome post(String path, String idempotencyKey, Map<String, Object> body) {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.timeout(this.timeout)
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Idempotency-Key", idempotencyKey)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(EventJson.write(body), StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new Unavailable("The payment provider did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unavailable("Interrupted while waiting for the payment provider", ex);
		}
		int status = response.statusCode();
		if (status >= 500 || status == 409 || status == 429) {
			throw new Unavailable("The payment provider answered " + status, null);
		}
		Map<?, ?> json = parse(response.body());
		if (status == 200 || status == 201) {
			return outcome(json);
		}
		Map<?, ?> error = json.get("error") instanceof Map<?, ?> map ? map : Map.of();
		String id = error.get("payment_intent") instanceof Map<?, ?> intent ? string(intent.get("id")) : null;
		String code = string(error.get("decline_code"));
		if (code == null) {
			code = string(error.get("code"));
		}
		String message = string(error.get("message"));
		if (status == 402) {
			return Outcome.failed(id, code == null ? "card_declined" : code,
					message == null ? "The card was declined" : message);
		}
		return Outcome.failed(id, code == null ? "provider_rejected" : code,
				"The payment provider refused the request (" + status + ")" + (message == null ? "" : ": " + message));
	}

	private static Outcome outcome(Map<?, ?> json) {
		String id = string(json.get("id"));
		String status = String.valueOf(json.get("status"));
		return switch (status) {
			case "succeeded" -> new Outcome(Status.SUCCEEDED, id, null, null);
			case "requires_action" ->
				new Outcome(Status.REQUIRES_ACTION, id, null, "The card's bank asks the client to confirm the payment");
			case "failed" -> Outcome.failed(id,
					json.get("decline_code") == null ? "card_declined" : String.valueOf(json.get("decline_code")),
					json.get("message") == null ? "The card was declined" : String.valueOf(json.get("message")));
			default -> throw new Unavailable("The payment provider answered the status " + status, null);
		};
	}

	private static Map<?, ?> parse(String body) {
		if (body == null || body.isBlank()) {
			return Map.of();
		}
		try {
			return EventJson.MAPPER.readValue(body, Map.class);
		}
		catch (RuntimeException ex) {
			throw new Unavailable("The payment provider's answer is not JSON", ex);
		}
	}

	private static @Nullable String string(@Nullable Object value) {
		return value == null ? null : String.valueOf(value);
	}

}
