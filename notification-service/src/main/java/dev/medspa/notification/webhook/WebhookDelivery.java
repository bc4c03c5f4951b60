package dev.medspa.notification.webhook;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one endpoint. Its id is made of the endpoint's and the event's, so an
 * event read twice from the broker is stored once.
 *
 * @param webhookId the {@code webhook-id} of every attempt, the same on each, so the
 * receiver can drop what it already has
 * @param subject the booking or waitlist place the event is about
 * @param sequence the event's position among the events of its subject (the broker's
 * offset; one subject stays on one partition), for endpoints that want them in order
 * @param body the CloudEvent as it is sent; null once the client it names was erased
 * @param tries failed attempts since it was last (re)started; the next wait is the retry
 * delay at this index
 * @param attempts every attempt, the latest last (at most the last twenty)
 */
@Document("webhook_deliveries")
public record WebhookDelivery(@Id String id, String endpointId, String webhookId, String type, String subject,
		Long sequence, Instant eventTime, @Nullable String body, DeliveryStatus status, @Nullable Integer tries,
		Instant nextAttemptAt, Instant createdAt, @Nullable Instant settledAt, @Nullable List<Attempt> attempts) {

	public static String idOf(String endpointId, String eventId) {
		return endpointId + "|" + eventId;
	}

	public int triesSoFar() {
		return this.tries == null ? 0 : this.tries;
	}

	public List<Attempt> attemptLog() {
		return this.attempts == null ? List.of() : this.attempts;
	}

	/**
	 * @param status the receiver's answer code, or null when none came (refused target,
	 * connection failure, timeout)
	 * @param latencyMillis from sending to the answer
	 * @param error what went wrong, if anything
	 */
	public record Attempt(Instant at, @Nullable Integer status, long latencyMillis, @Nullable String error) {

		public boolean succeeded() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

}
