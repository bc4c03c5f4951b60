package dev.medspa.support.outbox;

/**
 * What a service calls after it wrote a document with outbox messages, so they go out
 * without waiting.
 */
@FunctionalInterface
public interface OutboxTrigger {

	void publishSoon(String collection, Object id);

}
