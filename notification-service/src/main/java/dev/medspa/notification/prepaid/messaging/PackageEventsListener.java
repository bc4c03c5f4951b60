package dev.medspa.notification.prepaid.messaging;

import dev.medspa.events.prepaid.PackageEvent;
import dev.medspa.notification.prepaid.PackageReceipts;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Package events in, receipts planned, in a consumer group of its own; a record that
 * cannot be processed goes to the topic's dead-letter topic, as booking events do.
 */
@Component
class PackageEventsListener {

	private final PackageReceipts receipts;

	PackageEventsListener(PackageReceipts receipts) {
		this.receipts = receipts;
	}

	@KafkaListener(id = "notification-package-events", topics = "#{@topicNames.packageEvents()}")
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof PackageEvent event) {
			this.receipts.apply(event);
		}
	}

}
