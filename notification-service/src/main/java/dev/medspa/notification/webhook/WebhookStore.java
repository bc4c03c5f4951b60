package dev.medspa.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;

import dev.medspa.notification.webhook.WebhookDelivery.Attempt;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Endpoints, deliveries and the queue of deliveries still to be attempted. A delivery is
 * written before its queue entry, and leaves the queue only after its outcome is written,
 * so a crash in between leaves an entry that is looked at again, never a delivery nobody
 * sends.
 */
@Repository
public class WebhookStore {

	private static final int LOGGED_ATTEMPTS = 20;

	private final MongoTemplate mongo;

	WebhookStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The indexes the due look-up, the ordering check and the log read with; a store that
	 * cannot make them now still serves every read, only slower, so a failure here is
	 * logged and never stops the service.
	 */
	@PostConstruct
	void indexes() {
		try {
			createIndexes();
		}
		catch (RuntimeException ex) {
			org.slf4j.LoggerFactory.getLogger(WebhookStore.class)
				.warn("Could not create the webhook indexes; reads stay correct, only slower", ex);
		}
	}

	private void createIndexes() {
		this.mongo.indexOps(QueuedDelivery.class).createIndex(new Index().on("nextAttemptAt", Sort.Direction.ASC));
		this.mongo.indexOps(QueuedDelivery.class)
			.createIndex(new Index().on("endpointId", Sort.Direction.ASC)
				.on("subject", Sort.Direction.ASC)
				.on("sequence", Sort.Direction.ASC));
		this.mongo.indexOps(WebhookDelivery.class)
			.createIndex(new Index().on("endpointId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
		this.mongo.indexOps(WebhookDelivery.class).createIndex(new Index().on("subject", Sort.Direction.ASC));
	}

	// endpoints

	public void insert(WebhookEndpoint endpoint) {
		this.mongo.insert(endpoint);
	}

	public void replace(WebhookEndpoint endpoint) {
		this.mongo.save(endpoint);
	}

	public Optional<WebhookEndpoint> endpoint(String id) {
		return Optional.ofNullable(this.mongo.findById(id, WebhookEndpoint.class));
	}

	public List<WebhookEndpoint> endpoints() {
		return this.mongo.find(new Query().with(Sort.by("createdAt")), WebhookEndpoint.class);
	}

	public boolean deleteEndpoint(String id) {
		return this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(id)), WebhookEndpoint.class) != null;
	}

	/** An attempt got through: the endpoint is healthy again. */
	public void succeeded(String endpointId, Instant now) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(endpointId)),
				new Update().unset("failingSince").unset("flaggedAt").set("lastSuccessAt", now), WebhookEndpoint.class);
	}

	/**
	 * An attempt failed: notes when the run of failures began and, once it has lasted
	 * long enough, flags the endpoint.
	 * @return the endpoint if this call flagged it (only one caller ever does per run)
	 */
	public Optional<WebhookEndpoint> failed(String endpointId, Instant now, Duration flagAfter) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(endpointId).and("failingSince").is(null)),
				new Update().set("failingSince", now), WebhookEndpoint.class);
		return Optional.ofNullable(this.mongo.findAndModify(
				Query.query(Criteria.where("_id")
					.is(endpointId)
					.and("failingSince")
					.lte(now.minus(flagAfter))
					.and("flaggedAt")
					.is(null)),
				new Update().set("flaggedAt", now), FindAndModifyOptions.options().returnNew(true),
				WebhookEndpoint.class));
	}

	// deliveries

	/**
	 * Stores a delivery and queues it, unless it is stored already; a delivery read again
	 * after a crash that is still pending is queued again (which changes nothing if it
	 * was).
	 */
	public void add(WebhookDelivery delivery) {
		try {
			this.mongo.insert(delivery);
		}
		catch (DuplicateKeyException stored) {
			WebhookDelivery existing = this.mongo.findById(delivery.id(), WebhookDelivery.class);
			if (existing == null || existing.status() != DeliveryStatus.PENDING) {
				return;
			}
		}
		queue(delivery, delivery.nextAttemptAt());
	}

	private void queue(WebhookDelivery delivery, Instant at) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(delivery.id())),
				new Update().setOnInsert("endpointId", delivery.endpointId())
					.setOnInsert("subject", delivery.subject())
					.setOnInsert("sequence", delivery.sequence())
					.setOnInsert("nextAttemptAt", at)
					.setOnInsert("leaseUntil", Instant.EPOCH),
				QueuedDelivery.class);
	}

	public Optional<WebhookDelivery> delivery(String id) {
		return Optional.ofNullable(this.mongo.findById(id, WebhookDelivery.class));
	}

	/** The queue entries due now and not held by anyone, the earliest first. */
	public List<QueuedDelivery> due(Instant now, int limit) {
		return this.mongo.find(Query.query(Criteria.where("nextAttemptAt").lte(now).and("leaseUntil").lte(now))
			.with(Sort.by("nextAttemptAt"))
			.limit(limit), QueuedDelivery.class);
	}

	/**
	 * Takes a queue entry for one sender, if nobody holds it and it is still due.
	 * @return the entry as claimed, if this sender won it
	 */
	public Optional<QueuedDelivery> claim(String id, Instant now, String owner, Duration lease) {
		return Optional.ofNullable(this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(id).and("nextAttemptAt").lte(now).and("leaseUntil").lte(now)),
				new Update().set("leaseUntil", now.plus(lease)).set("leaseOwner", owner),
				FindAndModifyOptions.options().returnNew(true), QueuedDelivery.class));
	}

	/**
	 * The next attempt of the earliest event of the same subject that still waits for the
	 * same endpoint, if there is one.
	 */
	public Optional<Instant> earlierQueued(QueuedDelivery entry) {
		QueuedDelivery earlier = this.mongo.findOne(
				Query
					.query(Criteria.where("endpointId")
						.is(entry.endpointId())
						.and("subject")
						.is(entry.subject())
						.and("sequence")
						.lt(entry.sequence()))
					.with(Sort.by("sequence"))
					.limit(1),
				QueuedDelivery.class);
		return Optional.ofNullable(earlier).map(QueuedDelivery::nextAttemptAt);
	}

	/** Gives a claimed entry back, to be looked at again at the given time. */
	public void putBack(QueuedDelivery entry, String owner, Instant at) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id()).and("leaseOwner").is(owner)),
				new Update().set("nextAttemptAt", at).set("leaseUntil", Instant.EPOCH).unset("leaseOwner"),
				QueuedDelivery.class);
	}

	/** Removes an entry whose delivery is settled (or gone). */
	public void dequeue(String id) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(id)), QueuedDelivery.class);
	}

	/** Writes an attempt that settled the delivery, then takes it off the queue. */
	public void settle(WebhookDelivery delivery, DeliveryStatus status, Attempt attempt, Instant now) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
				new Update().set("status", status)
					.set("settledAt", now)
					.set("attempts", logged(delivery, attempt))
					.set("tries", delivery.triesSoFar() + (attempt.succeeded() ? 0 : 1)),
				WebhookDelivery.class);
		dequeue(delivery.id());
	}

	/** Writes a failed attempt, then queues the next one. */
	public void retryLater(WebhookDelivery delivery, QueuedDelivery entry, String owner, Attempt attempt,
			Instant next) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
				new Update().set("attempts", logged(delivery, attempt))
					.set("tries", delivery.triesSoFar() + 1)
					.set("nextAttemptAt", next),
				WebhookDelivery.class);
		putBack(entry, owner, next);
	}

	/** Drops a queued delivery that will not be sent, with the reason in its log. */
	public void drop(WebhookDelivery delivery, String reason, Instant now) {
		settle(delivery, DeliveryStatus.DROPPED, new Attempt(now, null, 0, reason), now);
	}

	private static List<Attempt> logged(WebhookDelivery delivery, Attempt attempt) {
		List<Attempt> log = new java.util.ArrayList<>(delivery.attemptLog());
		log.add(attempt);
		return log.subList(Math.max(0, log.size() - LOGGED_ATTEMPTS), log.size());
	}

	/** An endpoint's deliveries, the newest first, optionally of one status. */
	public List<WebhookDelivery> deliveries(String endpointId, @Nullable DeliveryStatus status, int limit) {
		Criteria criteria = Criteria.where("endpointId").is(endpointId);
		if (status != null) {
			criteria = criteria.and("status").is(status);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
				WebhookDelivery.class);
	}

	/**
	 * Starts deliveries again from their first attempt, keeping their {@code webhook-id}:
	 * the given ones, or those of the endpoint created in a time range. A delivery being
	 * attempted right now, or whose client was erased, is left alone.
	 * @return how many were started again
	 */
	public int replay(String endpointId, @Nullable Collection<String> ids, @Nullable Instant from, @Nullable Instant to,
			Instant now) {
		Criteria criteria = Criteria.where("endpointId").is(endpointId).and("body").ne(null);
		if (ids != null) {
			criteria = criteria.and("_id").in(ids);
		}
		if (from != null && to != null) {
			criteria = criteria.and("createdAt").gte(from).lt(to);
		}
		int replayed = 0;
		for (WebhookDelivery delivery : this.mongo.find(Query.query(criteria), WebhookDelivery.class)) {
			QueuedDelivery queued = this.mongo.findById(delivery.id(), QueuedDelivery.class);
			if (queued != null && queued.leaseUntil().isAfter(now)) {
				continue;
			}
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
					new Update().set("status", DeliveryStatus.PENDING)
						.set("tries", 0)
						.set("nextAttemptAt", now)
						.unset("settledAt"),
					WebhookDelivery.class);
			this.mongo.upsert(Query.query(Criteria.where("_id").is(delivery.id())),
					new Update().set("nextAttemptAt", now)
						.set("leaseUntil", Instant.EPOCH)
						.unset("leaseOwner")
						.setOnInsert("endpointId", delivery.endpointId())
						.setOnInsert("subject", delivery.subject())
						.setOnInsert("sequence", delivery.sequence()),
					QueuedDelivery.class);
			replayed++;
		}
		return replayed;
	}

	/**
	 * Forgets what the deliveries about a subject said of its client: their bodies go,
	 * and those not yet sent are dropped; the delivery that tells of the erasure itself
	 * is kept.
	 */
	public void erase(String subject, String keepType, Instant now) {
		Query pending = Query.query(Criteria.where("subject")
			.is(subject)
			.and("type")
			.ne(keepType)
			.and("status")
			.is(DeliveryStatus.PENDING));
		for (WebhookDelivery delivery : this.mongo.find(pending, WebhookDelivery.class)) {
			drop(delivery, "the client was erased before it was sent", now);
		}
		this.mongo.updateMulti(Query.query(Criteria.where("subject").is(subject).and("type").ne(keepType)),
				new Update().unset("body"), WebhookDelivery.class);
	}

	/** Deletes settled deliveries settled before the cutoff. */
	public long forgetSettledBefore(Instant cutoff) {
		Query settled = Query.query(Criteria.where("status").ne(DeliveryStatus.PENDING).and("settledAt").lt(cutoff));
		long count = this.mongo.count(settled, WebhookDelivery.class);
		this.mongo.remove(settled, WebhookDelivery.class);
		return count;
	}

	/** How many deliveries wait, for the backlog gauge. */
	public long queued() {
		return this.mongo.count(new Query(), QueuedDelivery.class);
	}

}
