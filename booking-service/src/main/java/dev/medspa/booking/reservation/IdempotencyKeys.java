package dev.medspa.booking.reservation;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The {@code Idempotency-Key}s seen, each naming the booking its first request makes; the
 * key is the document's id, so only one request can take it.
 */
@Repository
class IdempotencyKeys {

	private final MongoTemplate mongo;

	IdempotencyKeys(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** What a key was first used for. */
	@Document("idempotency_keys")
	record KeyRecord(@Id String key, String requestHash, String bookingId, Instant createdAt) {
	}

	/**
	 * Takes a key for a request.
	 * @return false if the key was taken before
	 */
	boolean take(KeyRecord record) {
		try {
			this.mongo.insert(record);
			return true;
		}
		catch (DuplicateKeyException seenBefore) {
			return false;
		}
	}

	Optional<KeyRecord> find(String key) {
		return Optional.ofNullable(this.mongo.findById(key, KeyRecord.class));
	}

	/** Lets a key go for a new try, if it still names that booking. */
	void release(String key, String bookingId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key).and("bookingId").is(bookingId)), KeyRecord.class);
	}

}
