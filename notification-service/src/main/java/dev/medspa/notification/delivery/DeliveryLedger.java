package dev.medspa.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The record of every message. A sender must claim a message before sending it; the claim
 * is one atomic write (an insert, or a compare-and-set on an expired lease), so two
 * senders, or a redelivery racing the first delivery, never both win.
 */
@Component
public class DeliveryLedger {

	private final MongoTemplate mongo;

	private final Clock clock;

	DeliveryLedger(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Claims a message for sending.
	 * @return the claimed delivery, or empty if it was sent already
	 * @throws DeliveryInProgress if another sender holds a live lease on it
	 */
	public Optional<Delivery> claim(String id, String bookingId, String kind, String channel, String recipient,
			Duration lease) {
		Instant now = this.clock.instant();
		try {
			Delivery fresh = new Delivery(id, bookingId, kind, channel, recipient, DeliveryStatus.SENDING,
					now.plus(lease), 1, null, null);
			return Optional.of(this.mongo.insert(fresh));
		}
		catch (DuplicateKeyException alreadyThere) {
			Delivery reclaimed = this.mongo.findAndModify(Query.query(
					Criteria.where("_id").is(id).and("status").is(DeliveryStatus.SENDING).and("leaseUntil").lte(now)),
					new Update().set("leaseUntil", now.plus(lease)).inc("attempts", 1),
					FindAndModifyOptions.options().returnNew(true), Delivery.class);
			if (reclaimed != null) {
				return Optional.of(reclaimed);
			}
			Delivery existing = this.mongo.findById(id, Delivery.class);
			if (existing != null && existing.status() != DeliveryStatus.SENDING) {
				return Optional.empty();
			}
			throw new DeliveryInProgress(id);
		}
	}

	public void markSent(String id) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("status", DeliveryStatus.SENT).set("sentAt", this.clock.instant()), Delivery.class);
	}

	/**
	 * Records a failure that may pass, and lets the next attempt claim the message at
	 * once.
	 */
	public void releaseAfterFailure(String id, String reason) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("leaseUntil", this.clock.instant()).set("lastError", reason), Delivery.class);
	}

	/** Records a failure that will not pass by trying again. */
	public void markFailed(String id, String reason) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("status", DeliveryStatus.FAILED).set("lastError", reason), Delivery.class);
	}

	public Optional<Delivery> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Delivery.class));
	}

	/** Another sender is sending this message right now; try again after its lease. */
	public static class DeliveryInProgress extends RuntimeException {

		DeliveryInProgress(String id) {
			super("Delivery " + id + " is being sent by another sender");
		}

	}

}
