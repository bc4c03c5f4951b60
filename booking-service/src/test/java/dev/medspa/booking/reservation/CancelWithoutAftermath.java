package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Stores a client's cancellation and does nothing after it, as a request that died right
 * after its write would: no slot released, no money moved.
 */
@Component
public class CancelWithoutAftermath {

	private final Bookings bookings;

	private final Clock clock;

	CancelWithoutAftermath(Bookings bookings, Clock clock) {
		this.bookings = bookings;
		this.clock = clock;
	}

	public void clientCancels(String id) {
		Booking booking = this.bookings.existing(id);
		if (!this.bookings
			.store(booking.cancel(Booking.Actor.client(Duration.ofHours(24)), null, this.clock.instant()))) {
			throw new IllegalStateException("The booking changed meanwhile");
		}
	}

}
