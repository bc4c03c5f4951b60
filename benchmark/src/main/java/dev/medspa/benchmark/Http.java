package dev.medspa.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import org.jspecify.annotations.Nullable;

/**
 * A plain HTTP/1.1 client, as a browser or a script talks to the platform, that also
 * times each answer.
 */
final class Http {

	private final HttpClient client;

	private final @Nullable String token;

	private Http(HttpClient client, @Nullable String token) {
		this.client = client;
		this.token = token;
	}

	/** A client for the public API. */
	static Http anonymous() {
		return new Http(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newCachedThreadPool(daemon()))
			.build(), null);
	}

	/** The same connections, with a staff token on every request. */
	Http as(String staffToken) {
		return new Http(this.client, staffToken);
	}

	Answer get(String url) {
		return send(request(url).GET());
	}

	Answer post(String url, String json) {
		return send(request(url).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A replacement sent with the version read, as staff APIs ask for. */
	Answer put(String url, String ifMatch, String json) {
		return send(request(url).header("Content-Type", "application/json")
			.header("If-Match", ifMatch)
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String url) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private Answer send(HttpRequest.Builder request) {
		long sent = System.nanoTime();
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			long answered = System.nanoTime();
			return new Answer(response.statusCode(), response.body(), answered - sent, answered);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static ThreadFactory daemon() {
		return runnable -> {
			Thread thread = new Thread(runnable, "http-client");
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * @param nanos from sending the request to reading the whole answer
	 * @param answeredAt {@link System#nanoTime()} when the answer was read
	 */
	record Answer(int status, String body, long nanos, long answeredAt) {

		Answer expect(int expected, String what) {
			if (this.status != expected) {
				throw new IllegalStateException(what + " answered " + this.status + ": " + this.body);
			}
			return this;
		}

	}

}
