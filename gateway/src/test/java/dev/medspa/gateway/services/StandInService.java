package dev.medspa.gateway.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A service's HTTP API on a loopback port, for the pages' tests: it answers what a test
 * sets for a method and path (a 404 problem for anything else), as the service would on
 * the wire, and keeps every request it got.
 */
public final class StandInService implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	public StandInService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** Where the stand-in answers. */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Answers {@code method path} with a status and a JSON body from now on. */
	public StandInService answer(String method, String path, int status, String json) {
		this.answers.put(method + " " + path, new Answer(status, json));
		return this;
	}

	/**
	 * Answers {@code method path} with an RFC 9457 problem of the code, as the services'
	 * problem handler writes it.
	 * @param errors {@code field, reason} pairs, for a 422
	 */
	public StandInService refuse(String method, String path, int status, String code, String... errors) {
		StringBuilder fields = new StringBuilder();
		for (int i = 0; i + 1 < errors.length; i += 2) {
			fields.append(fields.length() == 0 ? "" : ",")
				.append("{\"field\":\"")
				.append(errors[i])
				.append("\",\"reason\":\"")
				.append(errors[i + 1])
				.append("\"}");
		}
		return answer(method, path, status,
				"{\"type\":\"https://medspa.dev/problems/" + code + "\",\"title\":\"Refused\",\"status\":" + status
						+ ",\"detail\":\"The stand-in refused: " + code + "\",\"errors\":[" + fields + "]}");
	}

	/** Every request so far, in the order they came. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The requests for one method and path. */
	public List<Request> requests(String method, String path) {
		return this.requests.stream()
			.filter(request -> request.method().equals(method) && request.path().equals(path))
			.toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		this.requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("Content-Type"), body));
		Answer answer = this.answers.getOrDefault(method + " " + path, new Answer(404,
				"{\"type\":\"https://medspa.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404}"));
		byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Stops answering: every later call finds no one at the port. */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private record Answer(int status, String json) {
	}

	/** A request as the stand-in received it. */
	public record Request(String method, String path, @Nullable String authorization, @Nullable String contentType,
			String body) {
	}

}
