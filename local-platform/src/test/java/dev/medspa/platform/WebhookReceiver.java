package dev.medspa.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.awaitility.Awaitility.await;

/**
 * Another system's webhook endpoint, as the tests need one: the JDK's HTTP server on
 * 127.0.0.1 at a free port, keeping every request it gets and answering 200.
 */
final class WebhookReceiver implements AutoCloseable {

	/** One request as it arrived: the headers that matter and the raw body. */
	record Received(String method, String path, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return this.headers.getOrDefault(name, "");
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	private static final List<String> KEPT = List.of("webhook-id", "webhook-timestamp", "webhook-signature",
			"content-type", "user-agent");

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/", receiver::handle);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where events should go: {@code http://127.0.0.1:<port>/medspa-events}. */
	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/medspa-events";
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The first request that matches, waiting up to a minute for it. */
	Received first(Predicate<Received> wanted) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.received.stream().filter(wanted).findFirst(), found -> found.isPresent())
			.orElseThrow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
			byte[] body = in.readAllBytes();
			Map<String, String> headers = new java.util.HashMap<>();
			for (String name : KEPT) {
				String value = exchange.getRequestHeaders().getFirst(name);
				if (value != null) {
					headers.put(name, value);
				}
			}
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					Map.copyOf(headers), body));
			byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, answer.length);
			out.write(answer);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
