package dev.medspa.support.outbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An event waiting in its aggregate's document to be published. It holds the exact bytes
 * that go on the wire, so a relay after a crash publishes the same record that would have
 * gone out before it.
 *
 * @param eventId the CloudEvents id, unique per event; consumers use it to recognise a
 * redelivery
 * @param topic the deployed topic name
 * @param key the record key: the aggregate's id
 * @param type the CloudEvents type
 * @param schemaVersion the payload's schema version
 * @param time when the change happened
 * @param payload the event as JSON
 * @param traceparent the W3C trace context of the change that made the event, if it was
 * traced: the relay publishes the event as part of that trace, so one booking can be
 * followed from the request to the message it causes
 */
public record OutboxMessage(String eventId, String topic, String key, String type, int schemaVersion, Instant time,
		String payload, @Nullable String traceparent) {
}
