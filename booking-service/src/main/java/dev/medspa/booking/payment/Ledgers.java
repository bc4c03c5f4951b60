package dev.medspa.booking.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.medspa.support.outbox.OutboxMessage;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.support.outbox.OutboxTrigger;
import dev.medspa.support.outbox.VersionedWrites;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Stores ledgers by booking id, and the small collection of movements not yet settled (by
 * idempotency key), which the sweeper reads whole instead of searching the ledgers.
 */
@Repository
class Ledgers {

	private final MongoTemplate mongo;

	private final VersionedWrites writes;

	private final OutboxMessages messages;

	private final OutboxTrigger outbox;

	Ledgers(MongoTemplate mongo, VersionedWrites writes, OutboxMessages messages, OutboxTrigger outbox) {
		this.mongo = mongo;
		this.writes = writes;
		this.messages = messages;
		this.outbox = outbox;
	}

	/**
	 * A movement that may have been sent and not settled.
	 *
	 * @param leaseUntil until then the instance that wrote it works on it; after, the
	 * sweeper may send it again
	 */
	@Document("payment_pending")
	record Pending(@Id String key, String bookingId, Instant leaseUntil) {
	}

	Optional<Ledger> byId(String bookingId) {
		return Optional.ofNullable(this.mongo.findById(bookingId, Ledger.class));
	}

	/** Stores a new ledger, unless the booking has one already. */
	boolean open(Ledger ledger) {
		try {
			this.mongo.insert(ledger);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Stores the next revision if the ledger is still at the one it was made from, with
	 * an event for each line it settles, in the same write; the relay then publishes
	 * them.
	 */
	boolean replace(Ledger current, Ledger next, Instant now) {
		List<OutboxMessage> events = next.settledSince(current, now)
			.stream()
			.map(event -> this.messages.of(next.bookingId(), event, now))
			.toList();
		boolean stored = this.writes.update(next.bookingId(), "revision", current.revision(), next, events);
		if (stored && !events.isEmpty()) {
			this.outbox.publishSoon(Ledger.COLLECTION, next.bookingId());
		}
		return stored;
	}

	void pend(String key, String bookingId, Instant leaseUntil) {
		this.mongo.save(new Pending(key, bookingId, leaseUntil));
	}

	/** Takes a pending movement whose lease ran out; false if another has it. */
	Optional<Pending> lease(String key, Instant now, Instant until) {
		Query query = Query.query(Criteria.where("_id").is(key).and("leaseUntil").lte(now));
		return Optional.ofNullable(this.mongo.findAndModify(query, Update.update("leaseUntil", until),
				FindAndModifyOptions.options().returnNew(true), Pending.class));
	}

	void done(String key) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key)), Pending.class);
	}

	List<Pending> pending(int limit) {
		return this.mongo.find(new Query().limit(limit), Pending.class);
	}

	/** Whether the booking was stored (read by id from the bookings collection). */
	boolean bookingExists(String bookingId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(bookingId)), "bookings");
	}

}
