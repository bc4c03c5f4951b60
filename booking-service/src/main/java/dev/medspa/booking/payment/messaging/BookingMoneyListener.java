package dev.medspa.booking.payment.messaging;

import dev.medspa.booking.payment.Payments;
import dev.medspa.booking.prepaid.Packages;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads booking-service's own booking events, in a group of their own, so that a fee or a
 * refund is due even when the request that cancelled the booking (or recorded the
 * no-show) died before it moved the money: the event was written with the change. The
 * request itself moves the money first; each movement is made once per booking, so the
 * event read back changes nothing then. The same holds for a prepaid package's credit:
 * returned or forfeited once, and moved with its booking.
 */
@Component
class BookingMoneyListener {

	private final Payments payments;

	private final Packages packages;

	private final BookingService bookings;

	BookingMoneyListener(Payments payments, Packages packages, BookingService bookings) {
		this.payments = payments;
		this.packages = packages;
		this.bookings = bookings;
	}

	@KafkaListener(id = "booking-payments", topics = "#{@topicNames.bookingEvents()}")
	void on(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof BookingCancelled cancelled) {
			this.bookings.find(cancelled.bookingId().value()).ifPresent(booking -> {
				if (booking.policyAcceptance() != null) {
					this.payments.cancelled(booking.id(), booking.start(), cancelled.byClient(),
							cancelled.cancelledAt());
				}
				this.packages.cancelled(booking.id(), booking.start(), cancelled.byClient(), cancelled.cancelledAt());
			});
		}
		else if (record.value() instanceof BookingNoShow noShow) {
			this.bookings.find(noShow.bookingId().value()).ifPresent(booking -> {
				if (booking.policyAcceptance() != null) {
					this.payments.noShow(booking.id());
				}
				this.packages.noShow(booking.id());
			});
		}
		else if (record.value() instanceof BookingRescheduled moved) {
			// the booking's start as stored now, so an older move read again cannot undo
			// a
			// newer one
			this.bookings.find(moved.bookingId().value())
				.ifPresent(booking -> this.packages.moved(booking.id(), booking.start()));
		}
	}

}
