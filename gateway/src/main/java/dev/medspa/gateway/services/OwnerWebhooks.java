package dev.medspa.gateway.services;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.medspa.gateway.routes.ServiceInstances;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The owners' webhook endpoints as notification-service keeps them, called with the
 * signed-in member's token like every staff call of {@link Services}: the service alone
 * decides that only owners may read or change them, and answers a secret only once, on
 * registration and rotation.
 */
@Component
public class OwnerWebhooks {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient notification;

	private final Services services;

	OwnerWebhooks(RestClient.Builder builder, LoadBalancerClient balancer, Services services) {
		SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(Duration.ofSeconds(2));
		timeouts.setReadTimeout(Duration.ofSeconds(15));
		this.notification = builder.clone()
			.requestFactory(timeouts)
			.requestInterceptor(new LoadBalancerInterceptor(balancer))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw Services.problem(response);
			})
			.baseUrl("http://" + ServiceInstances.NOTIFICATION)
			.build();
		this.services = services;
	}

	/** The CloudEvents types an endpoint may ask for, in the service's order. */
	public List<String> eventTypes() {
		List<String> types = this.notification.get()
			.uri("/api/staff/webhooks/event-types")
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.retrieve()
			.body(STRINGS);
		return types == null ? List.of() : types;
	}

	/** Every endpoint with its health; never a secret. */
	public List<Map<String, Object>> endpoints() {
		List<Map<String, Object>> endpoints = this.notification.get()
			.uri("/api/staff/webhooks")
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.retrieve()
			.body(LIST);
		return endpoints == null ? List.of() : endpoints;
	}

	/** One endpoint, or empty when there is none of this id. */
	public Optional<Map<String, Object>> endpoint(String id) {
		try {
			return Optional.of(body(this.notification.get()
				.uri("/api/staff/webhooks/{id}", id)
				.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
				.retrieve()
				.body(MAP)));
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	/**
	 * Registers an endpoint; answers {@code endpoint} and its {@code secret}, or a 400
	 * problem naming the fields, or 422 {@code webhook-target-refused} for the URL.
	 * @param settings {@code url}, {@code description}, {@code types}, {@code ordered},
	 * {@code contactEmail}
	 */
	public Map<String, Object> register(Map<String, Object> settings) {
		return body(this.notification.post()
			.uri("/api/staff/webhooks")
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.writeValueAsString(settings))
			.retrieve()
			.body(MAP));
	}

	/**
	 * Replaces an endpoint's settings; its secrets stay. Refused as {@link #register}.
	 */
	public Map<String, Object> change(String id, Map<String, Object> settings) {
		return body(this.notification.put()
			.uri("/api/staff/webhooks/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.writeValueAsString(settings))
			.retrieve()
			.body(MAP));
	}

	/** Removes an endpoint; deliveries still waiting for it are dropped. */
	public void remove(String id) {
		this.notification.delete()
			.uri("/api/staff/webhooks/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * A new signing secret, answered once with the endpoint; the old one keeps signing
	 * beside it for the overlap (the service's default when null).
	 */
	public Map<String, Object> rotate(String id, @Nullable Duration overlap) {
		return body(this.notification.post()
			.uri("/api/staff/webhooks/{id}/secret", id)
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(overlap == null ? "{}" : JSON.writeValueAsString(Map.of("overlap", overlap.toString())))
			.retrieve()
			.body(MAP));
	}

	/** The endpoint's deliveries, newest first, of one status when given. */
	public List<Map<String, Object>> deliveries(String id, @Nullable String status, int limit) {
		List<Map<String, Object>> deliveries = this.notification.get()
			.uri(uri -> uri.path("/api/staff/webhooks/{id}/deliveries")
				.queryParamIfPresent("status", Optional.ofNullable(status))
				.queryParam("limit", limit)
				.build(id))
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.retrieve()
			.body(LIST);
		return deliveries == null ? List.of() : deliveries;
	}

	/**
	 * Sends deliveries again from the first try; answers how many were started again.
	 * @param request {@code deliveryIds}, or {@code from} and {@code to} as instants
	 */
	public int replay(String id, Map<String, Object> request) {
		Map<String, Object> answer = body(this.notification.post()
			.uri("/api/staff/webhooks/{id}/replay", id)
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.writeValueAsString(request))
			.retrieve()
			.body(MAP));
		return answer.get("replayed") instanceof Number replayed ? replayed.intValue() : 0;
	}

	private static Map<String, Object> body(@Nullable Map<String, Object> body) {
		return body == null ? Map.of() : body;
	}

}
