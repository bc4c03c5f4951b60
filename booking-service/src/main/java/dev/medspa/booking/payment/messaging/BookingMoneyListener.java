package dev.medspa.booking.payment.messaging;

import dev.medspa.booking.payment.Payments;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingNoShow;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads booking-service's own booking events, in a group of their own, so that a fee or a
 * refund is due even when the request that cancelled the booking (or recorded the
 * no-show) died before it moved the money: the event was written with the change. The
 * request itself moves the money first; each movement is made once per booking, so the
 * event read back changes nothing then.
 */
@Component
class BookingMoneyListener {

	private final Payments payments;

	private final BookingService bookings;

	BookingMoneyListener(Payments payments, BookingService bookings) {
		this.payments = payments;
		this.bookings = bookings;
	}

	@KafkaListener(id = "booking-payments", topics = "#{@topicNames.bookingEvents()}")
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof BookingCancelled cancelled) {
			this.bookings.find(cancelled.bookingId().value())
				.filter(booking -> booking.policyAcceptance() != null)
				.ifPresent(booking -> this.payments.cancelled(booking.id(), booking.start(), cancelled.byClient(),
						cancelled.cancelledAt()));
		}
		else if (record.value() instanceof BookingNoShow noShow) {
			this.bookings.find(noShow.bookingId().value())
				.filter(booking -> booking.policyAcceptance() != null)
				.ifPresent(booking -> this.payments.noShow(booking.id()));
		}
	}

}
