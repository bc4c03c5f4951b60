package dev.medspa.support.outbox;

import java.time.Instant;
import java.util.UUID;

import dev.medspa.events.EventContract;
import dev.medspa.events.EventContracts;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;

/** Makes the outbox entry of an event, from its contract. */
public final class OutboxMessages {

	private final TopicNames topics;

	public OutboxMessages(TopicNames topics) {
		this.topics = topics;
	}

	/**
	 * @param key the id of the aggregate the event is about
	 * @param payload an event record that has a contract in {@link EventContracts}
	 * @param time when it happened
	 */
	public OutboxMessage of(String key, Object payload, Instant time) {
		EventContract<?> contract = EventContracts.forPayload(payload.getClass());
		return new OutboxMessage(UUID.randomUUID().toString(), this.topics.name(contract.topic()), key, contract.type(),
				contract.schemaVersion(), time, EventJson.write(payload));
	}

}
