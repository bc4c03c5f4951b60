package dev.medspa.booking.reservation;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Each client's bookings, listed in one document keyed by the normalised e-mail address,
 * so the eligibility rules and the client's data requests read a client's history by
 * {@code _id} instead of searching every booking. A booking is listed before it is
 * stored, so a crash leaves an id that points at nothing (skipped), never a booking its
 * client's history misses; an erased booking leaves the list, and an empty list goes with
 * its address. The bookings stored before the lists existed are listed once
 * ({@link ListsBackfill}).
 */
@Repository
class ClientHistories {

	static final String COLLECTION = "client_histories";

	private final MongoTemplate mongo;

	ClientHistories(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Lists a booking in its client's history, before the booking is stored. */
	void add(String normalizedEmail, String bookingId) {
		if (!normalizedEmail.isEmpty()) {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(normalizedEmail)),
					new Update().addToSet("bookings", bookingId), History.class, COLLECTION);
		}
	}

	/** Every stored booking of the client, oldest first. */
	List<Booking> of(String normalizedEmail) {
		History history = this.mongo.findById(normalizedEmail, History.class, COLLECTION);
		if (history == null || history.bookings() == null) {
			return List.of();
		}
		return history.bookings()
			.stream()
			.map(id -> this.mongo.findById(id, Booking.class))
			.filter(Objects::nonNull)
			.filter(booking -> normalizedEmail.equals(booking.client().normalizedEmail()))
			.sorted(Comparator.comparing(Booking::start))
			.toList();
	}

	/** Takes an erased booking off its former client's list. */
	void remove(String normalizedEmail, String bookingId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(normalizedEmail)),
				new Update().pull("bookings", bookingId), History.class, COLLECTION);
		this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(normalizedEmail).and("bookings").size(0)),
				History.class, COLLECTION);
	}

	/** One client's bookings. */
	record History(@Id String email, @Nullable List<String> bookings) {
	}

}
