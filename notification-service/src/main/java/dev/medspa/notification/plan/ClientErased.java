package dev.medspa.notification.plan;

/**
 * A booking's client is being erased here: whoever keeps something under their address
 * (contact preferences) drops it. Published before the plan is scrubbed, so a retry after
 * a crash publishes it again; listeners must be idempotent.
 *
 * @param normalizedEmail the address the plan held
 */
public record ClientErased(String bookingId, String normalizedEmail) {
}
