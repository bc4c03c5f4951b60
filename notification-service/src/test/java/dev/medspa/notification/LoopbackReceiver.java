package dev.medspa.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A receiver of webhooks on a loopback port, as an integrator would write one: it keeps
 * what it accepted and drops a {@code webhook-id} it already has. It can be told to fail
 * (503) for the requests a rule picks.
 */
final class LoopbackReceiver implements AutoCloseable {

	private final HttpServer server;

	/** Every request, accepted or not, in the order it came. */
	final List<Received> requests = new CopyOnWriteArrayList<>();

	/** Accepted deliveries by {@code webhook-id}: the first of each. */
	final Map<String, Received> accepted = new ConcurrentHashMap<>();

	/** How often each {@code webhook-id} was answered 2xx. */
	final Map<String, Integer> acceptedCount = new ConcurrentHashMap<>();

	private volatile Predicate<Received> fails = received -> false;

	LoopbackReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	void failWhen(Predicate<Received> rule) {
		this.fails = rule;
	}

	void recover() {
		this.fails = received -> false;
	}

	List<Received> acceptedAt(String path) {
		return this.accepted.values().stream().filter(received -> received.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Received received = new Received(exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("webhook-id"),
				exchange.getRequestHeaders().getFirst("webhook-timestamp"),
				exchange.getRequestHeaders().getFirst("webhook-signature"),
				exchange.getRequestHeaders().getFirst("Content-Type"), body, System.nanoTime());
		this.requests.add(received);
		int status = this.fails.test(received) ? 503 : 204;
		if (status == 204) {
			this.accepted.putIfAbsent(received.webhookId(), received);
			this.acceptedCount.merge(received.webhookId(), 1, Integer::sum);
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Received(String path, String webhookId, String timestamp, String signature, String contentType, String body,
			long receivedAt) {

		Map<String, String> headers() {
			return Map.of("webhook-id", this.webhookId, "webhook-timestamp", this.timestamp, "webhook-signature",
					this.signature);
		}

	}

}
