package dev.medspa.booking.waitlist.messaging;

import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.waitlist.Offers;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingRescheduled;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * booking-service reads its own booking events, in a group of their own, to learn which
 * slots were freed: a cancellation frees the booking's time, a move frees the time it had
 * before. Reading the published events rather than acting inside the change means a crash
 * after the change still frees the slot for the waitlist, once the event is out. The
 * event's booking and version name the round, so a redelivered event opens no second one.
 */
@Component
class FreedSlotsListener {

	private final Offers offers;

	private final BookingService bookings;

	FreedSlotsListener(Offers offers, BookingService bookings) {
		this.offers = offers;
		this.bookings = bookings;
	}

	@KafkaListener(id = "booking-waitlist-freed-slots", topics = "#{@topicNames.bookingEvents()}")
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof BookingCancelled cancelled) {
			this.bookings.find(cancelled.bookingId().value())
				.ifPresent(booking -> this.offers.freed(cause(booking.id(), cancelled.bookingVersion()),
						booking.treatmentId(), booking.locationId(), booking.start(), booking.end()));
		}
		else if (record.value() instanceof BookingRescheduled moved) {
			this.bookings.find(moved.bookingId().value())
				.ifPresent(booking -> this.offers.freed(cause(booking.id(), moved.bookingVersion()),
						booking.treatmentId(), moved.locationId().value(), moved.previousStart(),
						moved.previousStart().plus(java.time.Duration.between(booking.start(), booking.end()))));
		}
	}

	private static String cause(String bookingId, long version) {
		return bookingId + "~v" + version;
	}

}
