package dev.medspa.notification.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The plans, one document per booking. Every change is a compare-and-set on the plan's
 * revision: read, change in memory, write only if the revision is still the one read.
 */
@Component
public class PlanStore {

	private static final int ATTEMPTS = 20;

	private final MongoTemplate mongo;

	PlanStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The two queries that are not by id: what is due, and a client's other bookings. The
	 * local stand-in ignores these indexes; MongoDB uses them.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void createIndexes() {
		IndexOperations indexes = this.mongo.indexOps(Plan.class);
		indexes.createIndex(new Index("nextDueAt", Sort.Direction.ASC));
		indexes
			.createIndex(new Index("client.normalizedEmail", Sort.Direction.ASC).on("treatmentId", Sort.Direction.ASC));
	}

	public Optional<Plan> find(String bookingId) {
		return Optional.ofNullable(this.mongo.findById(bookingId, Plan.class));
	}

	/** Stores a new plan; false if the booking has one already. */
	public boolean insert(Plan plan) {
		try {
			this.mongo.insert(plan);
			return true;
		}
		catch (DuplicateKeyException exists) {
			return false;
		}
	}

	/**
	 * Applies a change to the latest plan, reading again and retrying if another writer
	 * came first.
	 * @param change the changed plan, or empty to leave it as it is
	 * @return the stored plan after the change, or empty if there is no plan or the
	 * change declined
	 */
	public Optional<Plan> update(String bookingId, Function<Plan, Optional<Plan>> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Plan current = this.mongo.findById(bookingId, Plan.class);
			if (current == null) {
				return Optional.empty();
			}
			Optional<Plan> changed = change.apply(current);
			if (changed.isEmpty()) {
				return Optional.empty();
			}
			Plan next = changed.get().nextRevision();
			Plan replaced = this.mongo.findAndReplace(
					Query.query(Criteria.where("_id").is(bookingId).and("revision").is(current.revision())), next);
			if (replaced != null) {
				return Optional.of(next);
			}
		}
		throw new OptimisticLockingFailureException(
				"Plan " + bookingId + " kept changing under " + ATTEMPTS + " attempts to update it");
	}

	/** Plans with a message that needs a sender now, the longest-waiting first. */
	public List<Plan> due(Instant now, int limit) {
		return this.mongo.find(
				Query.query(Criteria.where("nextDueAt").lte(now)).with(Sort.by("nextDueAt")).limit(limit), Plan.class);
	}

	/**
	 * A client's bookings of one treatment, to tell whether the next session is booked.
	 */
	public List<Plan> ofClient(String normalizedEmail, String treatmentId) {
		return this.mongo.find(Query
			.query(Criteria.where("client.normalizedEmail").is(normalizedEmail).and("treatmentId").is(treatmentId)),
				Plan.class);
	}

	/** Every plan of a client, for their data export. */
	public List<Plan> ofClient(String normalizedEmail) {
		return this.mongo.find(Query.query(Criteria.where("client.normalizedEmail").is(normalizedEmail)), Plan.class);
	}

}
