package dev.medspa.notification.webhook.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.notification.webhook.Webhooks;
import dev.medspa.support.messaging.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Booking and waitlist events in, as published, in a consumer group of their own, so
 * webhooks neither wait for nor hold up the client's messages; each becomes a stored
 * delivery per endpoint before its offset is committed.
 */
@Component
class WebhookEventsListener {

	private static final Logger log = LoggerFactory.getLogger(WebhookEventsListener.class);

	private final Webhooks webhooks;

	WebhookEventsListener(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@KafkaListener(id = "notification-webhooks",
			topics = { "#{@topicNames.bookingEvents()}", "#{@topicNames.waitlistEvents()}" },
			containerFactory = "webhookEventsListenerFactory", concurrency = "${medspa.webhooks.consumers:1}")
	void on(ConsumerRecord<String, String> record) {
		String type = header(record, EventHeaders.TYPE);
		if (type == null || record.value() == null) {
			return;
		}
		JsonNode data;
		try {
			data = EventJson.MAPPER.readTree(record.value());
		}
		catch (JacksonException unreadable) {
			log.warn("Skipped unreadable record {}-{}@{} for webhooks; the messages' consumer dead-letters it",
					record.topic(), record.partition(), record.offset());
			return;
		}
		String id = header(record, EventHeaders.ID);
		String source = header(record, EventHeaders.SOURCE);
		String subject = header(record, EventHeaders.SUBJECT);
		String time = header(record, EventHeaders.TIME);
		String version = header(record, EventHeaders.SCHEMA_VERSION);
		int schemaVersion = (version != null) ? Integer.parseInt(version)
				: EventContracts.forType(type).map(contract -> contract.schemaVersion()).orElse(1);
		this.webhooks.accept(new Webhooks.IncomingEvent(
				(id != null) ? id : record.topic() + "-" + record.partition() + "-" + record.offset(), type,
				(source != null) ? source : "/booking-service",
				(subject != null) ? subject : String.valueOf(record.key()),
				(time != null) ? Instant.parse(time) : Instant.ofEpochMilli(record.timestamp()), schemaVersion,
				record.offset(), data));
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
