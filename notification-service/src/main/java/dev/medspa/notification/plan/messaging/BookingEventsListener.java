package dev.medspa.notification.plan.messaging;

import dev.medspa.events.booking.BookingEvent;
import dev.medspa.notification.plan.PlanService;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Booking events in; a booking's plan of messages kept up to date. */
@Component
class BookingEventsListener {

	private final PlanService plans;

	BookingEventsListener(PlanService plans) {
		this.plans = plans;
	}

	/**
	 * One consumer per partition by default (three): events of one booking stay in order
	 * on their partition, and a plan's store round trips for one booking no longer hold
	 * up every other booking's.
	 */
	@KafkaListener(id = "notification-booking-events", topics = "#{@topicNames.bookingEvents()}",
			concurrency = "${medspa.notification.booking-event-consumers:3}")
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof BookingEvent event) {
			this.plans.apply(event);
		}
	}

}
