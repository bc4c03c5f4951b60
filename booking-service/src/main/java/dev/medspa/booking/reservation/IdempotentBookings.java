package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

	private final MongoTemplate mongo;

	private final Clock clock;

	IdempotentBookings(BookingService bookings, MongoTemplate mongo, Clock clock) {
		this.bookings = bookings;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * What a keyed request did: a new booking (with its manage token) or the one an
	 * earlier request made.
	 */
	public record Outcome(Booking booking, @Nullable String manageToken, boolean replayed) {
	}

	@Document("idempotency_keys")
	record KeyRecord(@Id String key, String requestHash, String bookingId, Instant createdAt) {
	}

	public Outcome book(String key, String requestHash, NewBooking request) {
		for (int attempt = 0; attempt < 2; attempt++) {
			String bookingId = UUID.randomUUID().toString();
			try {
				this.mongo.insert(new KeyRecord(key, requestHash, bookingId, this.clock.instant()));
			}
			catch (DuplicateKeyException seenBefore) {
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
				this.mongo.remove(Query.query(Criteria.where("_id").is(key).and("bookingId").is(bookingId)),
						KeyRecord.class);
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
		KeyRecord record = this.mongo.findById(key, KeyRecord.class);
		if (record == null) {
			return Optional.empty();
		}
		if (!record.requestHash().equals(requestHash)) {
			throw Refusal.unprocessable("idempotency-key-reused", "Key used for another request", "Idempotency-Key",
					"This Idempotency-Key was used with a different request");
		}
		Optional<Booking> made = this.bookings.find(record.bookingId());
		if (made.isPresent()) {
			return Optional.of(new Outcome(made.get(), null, true));
		}
		if (record.createdAt().plus(ATTEMPT).isBefore(this.clock.instant())) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(key).and("bookingId").is(record.bookingId())),
					KeyRecord.class);
			return Optional.empty();
		}
		throw Refusal.conflict("request-in-progress", "Request in progress", "Idempotency-Key",
				"A request with this key is still being processed; try again shortly");
	}

}
