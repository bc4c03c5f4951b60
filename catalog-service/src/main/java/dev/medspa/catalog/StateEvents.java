package dev.medspa.catalog;

import java.time.Instant;

import dev.medspa.support.outbox.OutboxMessage;

/**
 * Turns a new state of a catalog entity into the outbox message that publishes it, keyed
 * by the entity's id.
 */
@FunctionalInterface
public interface StateEvents {

	OutboxMessage message(String id, Object state, Instant time);

}
