package dev.medspa.notification.webhook;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A receiver an owner registered.
 *
 * @param types the CloudEvents types it wants
 * @param ordered whether the events of one booking (or waitlist place) are delivered one
 * after the other, each only once the one before has been delivered or given up
 * @param contactEmail who is told when the endpoint keeps failing
 * @param secrets the signing secrets: the newest first; a replaced one signs beside it
 * until it expires
 * @param failingSince when the current run of failed attempts began; null while the last
 * attempt succeeded
 * @param flaggedAt when the endpoint was flagged as failing and its contact told; null
 * when it is not
 */
@Document("webhook_endpoints")
public record WebhookEndpoint(@Id String id, String url, String description, List<String> types,
		@Nullable Boolean ordered, String contactEmail, List<SigningSecret> secrets, Instant createdAt,
		String createdBy, @Nullable Instant failingSince, @Nullable Instant flaggedAt,
		@Nullable Instant lastSuccessAt) {

	public WebhookEndpoint {
		types = List.copyOf(types);
		secrets = List.copyOf(secrets);
	}

	public boolean inOrder() {
		return Boolean.TRUE.equals(this.ordered);
	}

	public boolean wants(String type) {
		return this.types.contains(type);
	}

	/** The secrets that sign at the given time, the newest first, as stored (sealed). */
	public List<String> signingKeys(Instant now) {
		return this.secrets.stream().filter(secret -> secret.validAt(now)).map(SigningSecret::key).toList();
	}

	/**
	 * @param key {@code whsec_} and the base64 of the key's bytes, as the Standard
	 * Webhooks libraries read it
	 * @param expiresAt when it stops signing; null while it is the current one
	 */
	public record SigningSecret(String key, Instant createdAt, @Nullable Instant expiresAt) {

		boolean validAt(Instant now) {
			return this.expiresAt == null || this.expiresAt.isAfter(now);
		}

	}

}
