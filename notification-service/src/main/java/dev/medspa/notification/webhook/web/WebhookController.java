package dev.medspa.notification.webhook.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import dev.medspa.notification.webhook.DeliveryStatus;
import dev.medspa.notification.webhook.WebhookDelivery;
import dev.medspa.notification.webhook.WebhookEndpoint;
import dev.medspa.notification.webhook.WebhookTargets;
import dev.medspa.notification.webhook.Webhooks;
import dev.medspa.support.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners' webhook endpoints: register, change, remove, rotate the secret, read the
 * delivery log and replay.
 */
@RestController
@Tag(name = "Webhooks", description = "Endpoints of other systems that receive the chain's booking events")
class WebhookController {

	private static final int MAX_LOG = 200;

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/api/staff/webhooks/event-types")
	@Operation(summary = "List the event types an endpoint can receive",
			description = "The CloudEvents types of booking and waitlist events that can be delivered to webhooks.")
	List<String> eventTypes() {
		return Webhooks.DELIVERABLE;
	}

	@PostMapping("/api/staff/webhooks")
	@Operation(summary = "Register a webhook endpoint",
			description = "Registers a receiver for the chosen event types and answers its signing secret, which is "
					+ "shown only in this answer. Outside a local installation the URL must be https and resolve to "
					+ "public addresses only; otherwise the answer is 422 webhook-target-refused.")
	ResponseEntity<EndpointCreated> register(@Valid @RequestBody EndpointRequest request, Authentication caller) {
		Webhooks.Registered registered = refusedTarget(
				() -> this.webhooks.register(settings(request), caller.getName()));
		return ResponseEntity.created(URI.create("/api/staff/webhooks/" + registered.endpoint().id()))
			.body(new EndpointCreated(EndpointView.of(registered.endpoint()), registered.secret()));
	}

	@GetMapping("/api/staff/webhooks")
	@Operation(summary = "List webhook endpoints",
			description = "Every registered endpoint with its event types and health: whether it is failing, since "
					+ "when, and whether it was flagged. Secrets are never shown.")
	List<EndpointView> endpoints() {
		return this.webhooks.endpoints().stream().map(EndpointView::of).toList();
	}

	@GetMapping("/api/staff/webhooks/{id}")
	@Operation(summary = "Read one webhook endpoint", description = "The endpoint's settings and health.")
	EndpointView endpoint(@PathVariable String id) {
		return EndpointView.of(find(id));
	}

	@PutMapping("/api/staff/webhooks/{id}")
	@Operation(summary = "Change a webhook endpoint",
			description = "Replaces the URL, description, event types, ordering and contact; the signing secrets "
					+ "stay. Deliveries already made keep going to the endpoint at its new URL.")
	EndpointView change(@PathVariable String id, @Valid @RequestBody EndpointRequest request) {
		return EndpointView
			.of(refusedTarget(() -> this.webhooks.change(id, settings(request))).orElseThrow(() -> notFound(id)));
	}

	@DeleteMapping("/api/staff/webhooks/{id}")
	@Operation(summary = "Remove a webhook endpoint",
			description = "Removes the endpoint; deliveries still waiting for it are dropped. Answers 204.")
	ResponseEntity<Void> remove(@PathVariable String id) {
		if (!this.webhooks.remove(id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/staff/webhooks/{id}/secret")
	@Operation(summary = "Rotate the signing secret",
			description = "Makes a new secret and answers it once. The replaced secret keeps signing beside the new "
					+ "one (two signatures in webhook-signature) for the overlap, 24 hours unless the body names "
					+ "another (ISO-8601, e.g. PT1H; PT0S ends the old one at once).")
	SecretRotated rotate(@PathVariable String id,
			@Valid @RequestBody(required = false) @Nullable RotateRequest request) {
		Duration overlap = (request == null) ? null : request.overlap();
		if (overlap != null && (overlap.isNegative() || overlap.compareTo(Duration.ofDays(7)) > 0)) {
			throw Refusal.invalid("overlap", "must be between PT0S and P7D");
		}
		Webhooks.Registered rotated = this.webhooks.rotate(id, overlap).orElseThrow(() -> notFound(id));
		return new SecretRotated(EndpointView.of(rotated.endpoint()), rotated.secret());
	}

	@GetMapping("/api/staff/webhooks/{id}/deliveries")
	@Operation(summary = "Read an endpoint's delivery log",
			description = "The endpoint's deliveries, newest first, optionally of one status (PENDING, DELIVERED, "
					+ "FAILED, DROPPED): event type and subject, attempts with answer code and latency, and when it "
					+ "settled.")
	List<DeliveryView> deliveries(@PathVariable String id, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "50") int limit) {
		find(id);
		if (limit < 1 || limit > MAX_LOG) {
			throw Refusal.invalid("limit", "must be between 1 and " + MAX_LOG);
		}
		DeliveryStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = DeliveryStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw Refusal.invalid("status", "must be one of PENDING, DELIVERED, FAILED, DROPPED");
			}
		}
		return this.webhooks.deliveries(id, wanted, limit).stream().map(DeliveryView::of).toList();
	}

	@PostMapping("/api/staff/webhooks/{id}/replay")
	@Operation(summary = "Replay deliveries",
			description = "Sends deliveries again from the first try, with the same webhook-id: either the ones "
					+ "named in deliveryIds, or every delivery made in [from, to). Answers how many were started "
					+ "again; a delivery being attempted at this moment, or whose client was erased, is skipped.")
	Replayed replay(@PathVariable String id, @Valid @RequestBody ReplayRequest request) {
		find(id);
		boolean byIds = request.deliveryIds() != null && !request.deliveryIds().isEmpty();
		boolean byRange = request.from() != null || request.to() != null;
		if (byIds == byRange) {
			throw Refusal.invalid("deliveryIds", "name either deliveryIds or a time range from/to");
		}
		if (byRange && (request.from() == null || request.to() == null || !request.from().isBefore(request.to()))) {
			throw Refusal.invalid("to", "from and to are both needed, from before to");
		}
		return new Replayed(
				this.webhooks.replay(id, byIds ? request.deliveryIds() : null, request.from(), request.to()));
	}

	private WebhookEndpoint find(String id) {
		return this.webhooks.endpoint(id).orElseThrow(() -> notFound(id));
	}

	private static Refusal notFound(String id) {
		return Refusal.notFound("Webhook endpoint", "No webhook endpoint " + id);
	}

	private static Webhooks.EndpointSettings settings(EndpointRequest request) {
		List<String> types = Objects.requireNonNull(request.types());
		for (int i = 0; i < types.size(); i++) {
			if (!Webhooks.DELIVERABLE.contains(types.get(i))) {
				throw Refusal.invalid("types[" + i + "]", "must be one of " + String.join(", ", Webhooks.DELIVERABLE));
			}
		}
		return new Webhooks.EndpointSettings(Objects.requireNonNull(request.url()),
				Objects.requireNonNull(request.description()).strip(), types.stream().distinct().toList(),
				Boolean.TRUE.equals(request.ordered()), Objects.requireNonNull(request.contactEmail()).strip());
	}

	private static <T> T refusedTarget(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (WebhookTargets.TargetRefused refused) {
			throw Refusal.unprocessable("webhook-target-refused", "Webhook target refused", "url",
					"The URL " + refused.getMessage());
		}
	}

	/**
	 * @param ordered deliver one subject's events one after the other
	 * @param contactEmail who is told if the endpoint keeps failing
	 */
	record EndpointRequest(@NotBlank @Size(max = 2000) @Nullable String url,
			@NotBlank @Size(max = 200) @Nullable String description,
			@NotEmpty @Size(max = 20) @Nullable List<String> types, @Nullable Boolean ordered,
			@NotBlank @Email @Size(max = 254) @Nullable String contactEmail) {
	}

	record RotateRequest(@Nullable Duration overlap) {
	}

	record ReplayRequest(@Size(max = 500) @Nullable List<String> deliveryIds, @Nullable Instant from,
			@Nullable Instant to) {
	}

	record Replayed(int replayed) {
	}

	/**
	 * @param secret the signing secret, shown only in this answer
	 */
	record EndpointCreated(EndpointView endpoint, String secret) {
	}

	/**
	 * @param secret the new signing secret, shown only in this answer
	 */
	record SecretRotated(EndpointView endpoint, String secret) {
	}

	/**
	 * @param failing whether its last attempt failed
	 * @param flagged whether it has failed long enough for its contact to be told
	 * @param secretsSigning how many secrets sign right now (two while one is rotating)
	 */
	record EndpointView(String id, String url, String description, List<String> types, boolean ordered,
			String contactEmail, Instant createdAt, String createdBy, boolean failing, @Nullable Instant failingSince,
			boolean flagged, @Nullable Instant flaggedAt, @Nullable Instant lastSuccessAt, int secretsSigning) {

		static EndpointView of(WebhookEndpoint endpoint) {
			return new EndpointView(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.types(),
					endpoint.inOrder(), endpoint.contactEmail(), endpoint.createdAt(), endpoint.createdBy(),
					endpoint.failingSince() != null, endpoint.failingSince(), endpoint.flaggedAt() != null,
					endpoint.flaggedAt(), endpoint.lastSuccessAt(), endpoint.signingKeys(Instant.now()).size());
		}

	}

	record DeliveryView(String id, String webhookId, String type, String subject, DeliveryStatus status,
			Instant createdAt, Instant nextAttemptAt, @Nullable Instant settledAt, int attemptCount,
			@Nullable Integer lastStatus, @Nullable Long lastLatencyMillis, @Nullable String lastError,
			List<WebhookDelivery.Attempt> attempts, boolean replayable) {

		static DeliveryView of(WebhookDelivery delivery) {
			List<WebhookDelivery.Attempt> attempts = delivery.attemptLog();
			WebhookDelivery.Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
			return new DeliveryView(delivery.id(), delivery.webhookId(), delivery.type(), delivery.subject(),
					delivery.status(), delivery.createdAt(), delivery.nextAttemptAt(), delivery.settledAt(),
					attempts.size(), last == null ? null : last.status(), last == null ? null : last.latencyMillis(),
					last == null ? null : last.error(), attempts, delivery.body() != null);
		}

	}

}
