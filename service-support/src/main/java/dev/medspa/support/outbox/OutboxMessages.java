package dev.medspa.support.outbox;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.EventContract;
import dev.medspa.events.EventContracts;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;

/** Makes the outbox entry of an event, from its contract. */
public final class OutboxMessages {

	private final TopicNames topics;

	private final Supplier<@Nullable String> currentTrace;

	public OutboxMessages(TopicNames topics) {
		this(topics, () -> null);
	}

	/**
	 * @param currentTrace the W3C {@code traceparent} of the span current on the calling
	 * thread, or null
	 */
	public OutboxMessages(TopicNames topics, Supplier<@Nullable String> currentTrace) {
		this.topics = topics;
		this.currentTrace = currentTrace;
	}

	/**
	 * @param key the id of the aggregate the event is about
	 * @param payload an event record that has a contract in {@link EventContracts}
	 * @param time when it happened
	 */
	public OutboxMessage of(String key, Object payload, Instant time) {
		EventContract<?> contract = EventContracts.forPayload(payload.getClass());
		return new OutboxMessage(UUID.randomUUID().toString(), this.topics.name(contract.topic()), key, contract.type(),
				contract.schemaVersion(), time, EventJson.write(payload), this.currentTrace.get());
	}

}
