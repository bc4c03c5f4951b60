package dev.medspa.notification.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The plans, one document per booking. Every change is a compare-and-set on the plan's
 * revision: read, change in memory, write only if the revision is still the one read.
 * <p>
 * Every read is by {@code _id}: what is due through the {@link DueIndex}, a client's
 * plans through a document per client address ({@code client_plans}) that lists their
 * bookings. Both are written before the plan, so a crash in between leaves an entry that
 * points at nothing new, never a plan nobody finds.
 */
@Repository
public class PlanStore {

	private static final int ATTEMPTS = 20;

	static final String CLIENT_PLANS = "client_plans";

	private final MongoTemplate mongo;

	private final DueIndex due;

	private final Clock clock;

	PlanStore(MongoTemplate mongo, DueIndex due, Clock clock) {
		this.mongo = mongo;
		this.due = due;
		this.clock = clock;
	}

	public Optional<Plan> find(String bookingId) {
		return Optional.ofNullable(this.mongo.findById(bookingId, Plan.class));
	}

	/**
	 * Lists a plan stored before the lists existed: on its client's list, and in the due
	 * index if it has something to send; listing it again changes nothing.
	 */
	void listEarlier(Plan plan) {
		listForClient(plan);
		if (plan.nextDueAt() != null) {
			this.due.note(plan.bookingId(), plan.nextDueAt(), plan.revision(), this.clock.instant());
		}
	}

	/** Every stored plan, for a one-time pass; the stream must be closed. */
	Stream<Plan> all() {
		return this.mongo.stream(new Query(), Plan.class);
	}

	/** Stores a new plan; false if the booking has one already. */
	public boolean insert(Plan plan) {
		listForClient(plan);
		noteDue(null, plan);
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
		Plan current = this.mongo.findById(bookingId, Plan.class);
		return current == null ? Optional.empty() : update(current, change);
	}

	/**
	 * Applies a change to a plan as it was read a moment ago, without reading it again
	 * unless another writer came first.
	 * @param known the plan as last read or written by this instance
	 * @param change the changed plan, or empty to leave it as it is
	 * @return the stored plan after the change, or empty if there is no plan or the
	 * change declined
	 */
	public Optional<Plan> update(Plan known, Function<Plan, Optional<Plan>> change) {
		String bookingId = known.bookingId();
		Plan current = known;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			if (current == null) {
				return Optional.empty();
			}
			Optional<Plan> changed = change.apply(current);
			if (changed.isEmpty()) {
				return Optional.empty();
			}
			Plan next = changed.get().nextRevision();
			noteDue(current, next);
			Plan replaced = this.mongo.findAndReplace(
					Query.query(Criteria.where("_id").is(bookingId).and("revision").is(current.revision())), next);
			if (replaced != null) {
				forgetClientIfErased(current, next);
				return Optional.of(next);
			}
			current = this.mongo.findById(bookingId, Plan.class);
		}
		throw new OptimisticLockingFailureException(
				"Plan " + bookingId + " kept changing under " + ATTEMPTS + " attempts to update it");
	}

	/**
	 * A client's bookings of one treatment, to tell whether the next session is booked.
	 */
	public List<Plan> ofClient(String normalizedEmail, String treatmentId) {
		return ofClient(normalizedEmail).stream().filter(plan -> plan.treatmentId().equals(treatmentId)).toList();
	}

	/** Every plan of a client, for their data export. */
	public List<Plan> ofClient(String normalizedEmail) {
		ClientPlans listed = this.mongo.findById(normalizedEmail, ClientPlans.class, CLIENT_PLANS);
		if (listed == null || listed.bookings() == null) {
			return List.of();
		}
		return listed.bookings()
			.stream()
			.map(id -> this.mongo.findById(id, Plan.class))
			.filter(Objects::nonNull)
			.filter(plan -> normalizedEmail.equals(plan.client().normalizedEmail()))
			.toList();
	}

	private void listForClient(Plan plan) {
		String email = plan.client().normalizedEmail();
		if (email != null && !email.isEmpty()) {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(email)),
					new Update().addToSet("bookings", plan.bookingId()), ClientPlans.class, CLIENT_PLANS);
		}
	}

	private void noteDue(@Nullable Plan current, Plan next) {
		Instant nextDue = next.nextDueAt();
		if (nextDue != null && (current == null || !nextDue.equals(current.nextDueAt()))) {
			this.due.note(next.bookingId(), nextDue, next.revision(), this.clock.instant());
		}
	}

	/**
	 * An erased plan leaves its client's list, and an empty list goes with its address.
	 */
	private void forgetClientIfErased(Plan current, Plan next) {
		String before = current.client().normalizedEmail();
		if (before == null || before.isEmpty() || before.equals(next.client().normalizedEmail())) {
			return;
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(before)),
				new Update().pull("bookings", next.bookingId()), ClientPlans.class, CLIENT_PLANS);
		this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(before).and("bookings").size(0)),
				ClientPlans.class, CLIENT_PLANS);
	}

	/** The bookings of one client address. */
	record ClientPlans(@Id String email, @Nullable List<String> bookings) {
	}

}
