package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.medspa.booking.reservation.IdempotencyKeys.KeyRecord;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Bookings under an {@code Idempotency-Key}: the same key with the same request answers
 * the booking the first request made, and makes no second one; the same key with another
 * request is refused. The key's record names the booking's id before the booking is made,
 * so a retry after a crash finds what the first attempt did.
 */
@Service
public class IdempotentBookings {

	/** How long a first attempt may take before a retry with its key may try again. */
	private static final Duration ATTEMPT = Duration.ofSeconds(60);

	private final BookingService bookings;

	private final IdempotencyKeys keys;

	private final Clock clock;

	IdempotentBookings(BookingService bookings, IdempotencyKeys keys, Clock clock) {
		this.bookings = bookings;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * What a keyed request did: a new booking (with its manage token) or the one an
	 * earlier request made.
	 */
	public record Outcome(Booking booking, @Nullable String manageToken, boolean replayed) {
	}

	public Outcome book(String key, String requestHash, NewBooking request) {
		for (int attempt = 0; attempt < 2; attempt++) {
			String bookingId = UUID.randomUUID().toString();
			if (!this.keys.take(new KeyRecord(key, requestHash, bookingId, this.clock.instant()))) {
				Optional<Outcome> earlier = earlier(key, requestHash);
				if (earlier.isPresent()) {
					return earlier.get();
				}
				continue;
			}
			try {
				BookingService.Booked booked = this.bookings.book(request, bookingId);
				return new Outcome(booked.booking(), booked.manageToken(), false);
			}
			catch (RuntimeException failed) {
				this.keys.release(key, bookingId);
				throw failed;
			}
		}
		throw Refusal.conflict("request-in-progress", "Request in progress", "Idempotency-Key",
				"A request with this key is still being processed; try again shortly");
	}

	/**
	 * The outcome of the earlier request with this key, or empty if its record was
	 * cleared for a new try.
	 */
	private Optional<Outcome> earlier(String key, String requestHash) {
		Optional<KeyRecord> found = this.keys.find(key);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		KeyRecord record = found.get();
		if (!record.requestHash().equals(requestHash)) {
			throw Refusal.unprocessable("idempotency-key-reused", "Key used for another request", "Idempotency-Key",
					"This Idempotency-Key was used with a different request");
		}
		Optional<Booking> made = this.bookings.find(record.bookingId());
		if (made.isPresent()) {
			return Optional.of(new Outcome(made.get(), null, true));
		}
		if (record.createdAt().plus(ATTEMPT).isBefore(this.clock.instant())) {
			this.keys.release(key, record.bookingId());
			return Optional.empty();
		}
		throw Refusal.conflict("request-in-progress", "Request in progress", "Idempotency-Key",
				"A request with this key is still being processed; try again shortly");
	}

}
