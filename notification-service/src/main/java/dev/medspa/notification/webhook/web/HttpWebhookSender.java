package dev.medspa.notification.webhook.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.medspa.notification.webhook.WebhookProperties;
import dev.medspa.notification.webhook.WebhookSender;

import org.springframework.stereotype.Component;

/**
 * Posts over HTTP/1.1 with short timeouts, never following a redirect (a 3xx is a
 * failure: the receiver's URL is the one registered), and reads at most a few KB of the
 * answer before closing it, so a receiver cannot hold a sender or fill its memory.
 */
@Component
class HttpWebhookSender implements WebhookSender {

	private static final String USER_AGENT = "medspa-webhooks/1";

	private final HttpClient http;

	private final WebhookProperties properties;

	HttpWebhookSender(WebhookProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.connectTimeout())
			.build();
	}

	@Override
	public Answer post(URI target, Map<String, String> headers, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/cloudevents+json")
			.header("User-Agent", USER_AGENT)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		long started = System.nanoTime();
		try {
			HttpResponse<InputStream> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream answer = response.body()) {
				answer.readNBytes(this.properties.maxAnswerBytes());
			}
			return new Answer(response.statusCode(), millisSince(started), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(null, millisSince(started), "interrupted");
		}
		catch (IOException | RuntimeException ex) {
			return new Answer(null, millisSince(started), describe(ex));
		}
	}

	private static String describe(Exception ex) {
		String kind = ex.getClass().getSimpleName();
		String message = ex.getMessage();
		String text = (message == null || message.isBlank()) ? kind : kind + ": " + message;
		return text.length() > 200 ? text.substring(0, 200) : text;
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
