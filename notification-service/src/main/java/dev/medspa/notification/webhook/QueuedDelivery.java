package dev.medspa.notification.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delivery that still has an attempt ahead of it, with the lease of whoever is making
 * it. Settled deliveries leave this small collection, so looking for due work never reads
 * the whole delivery log, however long it grows.
 *
 * @param id the delivery's id
 * @param sequence as the delivery's, to keep an ordered endpoint's events in order
 */
@Document("webhook_queue")
public record QueuedDelivery(@Id String id, String endpointId, String subject, Long sequence, Instant nextAttemptAt,
		Instant leaseUntil, @Nullable String leaseOwner) {

}
