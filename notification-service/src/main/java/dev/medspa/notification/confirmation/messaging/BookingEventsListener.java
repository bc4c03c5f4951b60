package dev.medspa.notification.confirmation.messaging;

import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.notification.confirmation.ConfirmationService;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Booking events in; what a client should hear out. */
@Component
class BookingEventsListener {

	private final ConfirmationService confirmations;

	BookingEventsListener(ConfirmationService confirmations) {
		this.confirmations = confirmations;
	}

	@KafkaListener(id = "notification-booking-events", topics = "#{@topicNames.bookingEvents()}")
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof BookingConfirmed confirmed) {
			this.confirmations.confirm(confirmed);
		}
	}

}
