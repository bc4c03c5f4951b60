package dev.medspa.gateway.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccounts;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerRequest;
import org.springframework.cloud.client.loadbalancer.LoadBalancerUriTools;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.web.client.RestClient;

/**
 * A stand-in for intake-service's HTTP API on a loopback port, for the gateway's page
 * tests: it answers what a test scripted for a method and path (a problem 404 for
 * anything else) and keeps every request it received. {@link #services} gives the
 * gateway's real {@link Services}, whose every service instance is this stand-in.
 */
public final class IntakeStandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	public IntakeStandIn() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** The gateway's calls to intake-service, sent to this stand-in. */
	public Services services(AccessTokens tokens, StaffAccounts accounts) {
		StandInInstances instances = new StandInInstances();
		instances.serveAt(dev.medspa.gateway.routes.ServiceInstances.INTAKE, uri());
		return instances.services(tokens, accounts);
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Answers {@code method path} (the raw path, without query) with JSON. */
	public void answer(String method, String path, int status, Object body) {
		this.answers.put(method + " " + path, new Answer(status,
				status >= 400 ? "application/problem+json" : "application/json", JSON.writeValueAsString(body)));
	}

	/** A problem detail as the services write it (service-support's handler). */
	public static Map<String, Object> problem(int status, String code, Map<String, String> fieldErrors) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://medspa.dev/problems/" + code);
		problem.put("title", code);
		problem.put("status", status);
		problem.put("detail", "Refused: " + code);
		List<Map<String, String>> errors = new ArrayList<>();
		fieldErrors.forEach((field, reason) -> errors.add(Map.of("field", field, "reason", reason)));
		if (!errors.isEmpty()) {
			problem.put("errors", errors);
		}
		return problem;
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The requests received for {@code method path}, oldest first. */
	public List<Received> received(String method, String path) {
		return this.received.stream()
			.filter(request -> request.method().equals(method) && request.path().equals(path))
			.toList();
	}

	public void reset() {
		this.answers.clear();
		this.received.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			this.received.add(new Received(method, path, headers, body));
			Answer answer = this.answers.getOrDefault(method + " " + path, new Answer(404, "application/problem+json",
					JSON.writeValueAsString(problem(404, "not-found", Map.of()))));
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	/** A request as the stand-in received it; header names in lower case. */
	public record Received(String method, String path, Map<String, String> headers, String body) {

		@SuppressWarnings("unchecked")
		public Map<String, Object> json() {
			return JSON.readValue(this.body, Map.class);
		}

	}

	private record Answer(int status, String contentType, String body) {
	}

}
