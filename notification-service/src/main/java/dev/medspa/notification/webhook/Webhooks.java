package dev.medspa.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.medspa.events.EventContract;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

/**
 * Owners' endpoints, and the deliveries each event makes for them.
 */
@Service
public class Webhooks {

	/**
	 * What may be delivered: the life events of bookings and waitlist places. The
	 * catalog's state records are not events of this kind.
	 */
	public static final List<String> DELIVERABLE = EventContracts.FOR_WEBHOOKS.stream()
		.map(EventContract::type)
		.toList();

	private final WebhookStore store;

	private final WebhookTargets targets;

	private final WebhookProperties properties;

	private final Clock clock;

	private final SecretSealer sealer;

	Webhooks(WebhookStore store, WebhookTargets targets, WebhookProperties properties, Clock clock,
			SecretSealer sealer) {
		this.store = store;
		this.targets = targets;
		this.properties = properties;
		this.clock = clock;
		this.sealer = sealer;
	}

	/**
	 * Registers an endpoint.
	 * @return the endpoint and its signing secret, which is never shown again
	 * @throws WebhookTargets.TargetRefused if the URL may not be called
	 */
	public Registered register(EndpointSettings settings, String createdBy) {
		this.targets.check(settings.url());
		Instant now = this.clock.instant();
		String secret = WebhookSigner.newSecret();
		WebhookEndpoint endpoint = new WebhookEndpoint("ep_" + UUID.randomUUID().toString().replace("-", ""),
				settings.url().trim(), settings.description(), settings.types(), settings.ordered(),
				settings.contactEmail(),
				List.of(new WebhookEndpoint.SigningSecret(this.sealer.seal(secret), now, null)), now, createdBy, null,
				null, null);
		this.store.insert(endpoint);
		return new Registered(endpoint, secret);
	}

	/** Changes what an endpoint receives and where; its secrets stay. */
	public Optional<WebhookEndpoint> change(String id, EndpointSettings settings) {
		this.targets.check(settings.url());
		return this.store.endpoint(id).map(endpoint -> {
			WebhookEndpoint changed = new WebhookEndpoint(endpoint.id(), settings.url().trim(), settings.description(),
					settings.types(), settings.ordered(), settings.contactEmail(), endpoint.secrets(),
					endpoint.createdAt(), endpoint.createdBy(), endpoint.failingSince(), endpoint.flaggedAt(),
					endpoint.lastSuccessAt());
			this.store.replace(changed);
			return changed;
		});
	}

	/**
	 * Replaces the signing secret; the one it replaces keeps signing beside it for the
	 * overlap, so receivers can switch without losing a message.
	 * @return the new secret, shown only this once
	 */
	public Optional<Registered> rotate(String id, @Nullable Duration overlap) {
		Instant now = this.clock.instant();
		Duration keep = (overlap != null) ? overlap : this.properties.secretOverlap();
		return this.store.endpoint(id).map(endpoint -> {
			String secret = WebhookSigner.newSecret();
			List<WebhookEndpoint.SigningSecret> secrets = new ArrayList<>();
			secrets.add(new WebhookEndpoint.SigningSecret(this.sealer.seal(secret), now, null));
			for (WebhookEndpoint.SigningSecret old : endpoint.secrets()) {
				if (old.validAt(now)) {
					Instant until = (old.expiresAt() == null || old.expiresAt().isAfter(now.plus(keep)))
							? now.plus(keep) : old.expiresAt();
					secrets.add(new WebhookEndpoint.SigningSecret(old.key(), old.createdAt(), until));
				}
			}
			WebhookEndpoint rotated = new WebhookEndpoint(endpoint.id(), endpoint.url(), endpoint.description(),
					endpoint.types(), endpoint.ordered(), endpoint.contactEmail(), secrets, endpoint.createdAt(),
					endpoint.createdBy(), endpoint.failingSince(), endpoint.flaggedAt(), endpoint.lastSuccessAt());
			this.store.replace(rotated);
			return new Registered(rotated, secret);
		});
	}

	/**
	 * Removes an endpoint; what was still queued for it is dropped when its turn comes.
	 */
	public boolean remove(String id) {
		return this.store.deleteEndpoint(id);
	}

	public Optional<WebhookEndpoint> endpoint(String id) {
		return this.store.endpoint(id);
	}

	public List<WebhookEndpoint> endpoints() {
		return this.store.endpoints();
	}

	public List<WebhookDelivery> deliveries(String endpointId, @Nullable DeliveryStatus status, int limit) {
		return this.store.deliveries(endpointId, status, limit);
	}

	/**
	 * Starts the given deliveries, or those of a time range, again from the first try.
	 */
	public int replay(String endpointId, @Nullable Collection<String> deliveryIds, @Nullable Instant from,
			@Nullable Instant to) {
		return this.store.replay(endpointId, deliveryIds, from, to, this.clock.instant());
	}

	/**
	 * Makes one delivery of an event for each endpoint that wants its type. An event read
	 * again makes no new delivery. An event that erases a client also takes what earlier
	 * deliveries said of them out of the store.
	 */
	public int accept(IncomingEvent event) {
		if (!DELIVERABLE.contains(event.type())) {
			return 0;
		}
		Instant now = this.clock.instant();
		String body = cloudEvent(event);
		int made = 0;
		for (WebhookEndpoint endpoint : this.store.endpoints()) {
			if (endpoint.wants(event.type())) {
				this.store.add(new WebhookDelivery(WebhookDelivery.idOf(endpoint.id(), event.id()), endpoint.id(),
						"msg_" + event.id(), event.type(), event.subject(), event.sequence(), event.time(), body,
						DeliveryStatus.PENDING, 0, now, now, null, List.of()));
				made++;
			}
		}
		if (event.erasesClient()) {
			this.store.erase(event.subject(), event.type(), now);
		}
		return made;
	}

	/** The CloudEvent in structured JSON mode, as every attempt sends it. */
	static String cloudEvent(IncomingEvent event) {
		ObjectNode envelope = JsonNodeFactory.instance.objectNode();
		envelope.put("specversion", EventHeaders.CLOUDEVENTS_SPEC_VERSION);
		envelope.put("id", event.id());
		envelope.put("source", event.source());
		envelope.put("type", event.type());
		envelope.put("subject", event.subject());
		envelope.put("time", event.time().toString());
		envelope.put("datacontenttype", EventHeaders.JSON);
		envelope.put("schemaversion", event.schemaVersion());
		JsonNode data = event.data().deepCopy();
		if (data instanceof ObjectNode object) {
			EventContracts.NEVER_SENT_OUT.forEach(object::remove);
		}
		envelope.set("data", data);
		return envelope.toString();
	}

	/**
	 * What an endpoint receives.
	 *
	 * @param types CloudEvents types, each one of {@link #DELIVERABLE}
	 */
	public record EndpointSettings(String url, String description, List<String> types, boolean ordered,
			String contactEmail) {
	}

	/** An endpoint with the secret just made for it. */
	public record Registered(WebhookEndpoint endpoint, String secret) {
	}

	/**
	 * An event as it came from the broker.
	 *
	 * @param sequence its offset on its partition
	 * @param data its payload
	 */
	public record IncomingEvent(String id, String type, String source, String subject, Instant time, int schemaVersion,
			long sequence, JsonNode data) {

		boolean erasesClient() {
			return this.type.equals(EventContracts.BOOKING_CLIENT_ERASED.type())
					|| (this.type.equals(EventContracts.WAITLIST_LEFT.type()) && this.data.has("reason")
							&& "ERASED".equals(this.data.get("reason").asString()));
		}

	}

}
