package dev.medspa.notification.waitlist.messaging;

import dev.medspa.events.waitlist.WaitlistEvent;
import dev.medspa.notification.waitlist.WaitlistService;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Waitlist events in; the plan of each place on a waitlist kept up to date. Keyed by the
 * place, so one waiter's events stay in order; a record that cannot be processed goes to
 * the topic's dead-letter topic, as booking events do.
 */
@Component
class WaitlistEventsListener {

	private final WaitlistService waitlist;

	WaitlistEventsListener(WaitlistService waitlist) {
		this.waitlist = waitlist;
	}

	@KafkaListener(id = "notification-waitlist-events", topics = "#{@topicNames.waitlistEvents()}")
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof WaitlistEvent event) {
			this.waitlist.apply(event);
		}
	}

}
