package dev.medspa.notification.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one client, in the ledger.
 *
 * @param id deterministic: booking, step and booking version, so every redelivery of the
 * same event finds it
 * @param leaseUntil while a sender holds the claim, no other sender may take it
 * @param attempts how many times a sender claimed it
 */
@Document("deliveries")
public record Delivery(@Id String id, String bookingId, String kind, String channel, String recipient,
		DeliveryStatus status, Instant leaseUntil, int attempts, @Nullable Instant sentAt, @Nullable String lastError) {
}
