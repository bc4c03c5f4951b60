package dev.medspa.intake.messaging;

import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.intake.intake.Intakes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens a booking's forms when it is confirmed, moves them with the booking, closes them
 * when it is cancelled and forgets the answers when the client's data is erased. Every
 * step is idempotent, so a redelivered event changes nothing.
 */
@Component
class BookingEventsListener {

	private final Intakes intakes;

	BookingEventsListener(Intakes intakes) {
		this.intakes = intakes;
	}

	@KafkaListener(id = "intake-booking-events", topics = "#{@topicNames.bookingEvents()}")
	void on(ConsumerRecord<String, Object> record) {
		Object event = record.value();
		if (event instanceof BookingConfirmed confirmed) {
			this.intakes.open(confirmed.bookingId().value(), confirmed.locationId().value(),
					confirmed.treatmentId().value(), confirmed.start(), confirmed.client().email(),
					confirmed.client().name());
		}
		else if (event instanceof BookingRescheduled moved) {
			this.intakes.moved(moved.bookingId().value(), moved.start());
		}
		else if (event instanceof BookingCancelled cancelled) {
			this.intakes.cancelled(cancelled.bookingId().value());
		}
		else if (event instanceof BookingClientErased erased) {
			this.intakes.erase(erased.bookingId().value());
		}
	}

}
