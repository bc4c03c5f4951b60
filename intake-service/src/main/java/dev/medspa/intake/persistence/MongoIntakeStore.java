package dev.medspa.intake.persistence;

import java.util.List;
import java.util.Optional;

import dev.medspa.intake.intake.BookingIntake;
import dev.medspa.intake.intake.ClientForm;
import dev.medspa.intake.intake.IntakeStore;
import dev.medspa.intake.intake.Submission;
import dev.medspa.support.outbox.OutboxMessage;
import dev.medspa.support.outbox.OutboxTrigger;
import dev.medspa.support.outbox.VersionedWrites;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Bookings' intakes, submissions and clients' newest answers in MongoDB. An intake
 * changes by compare-and-set on {@code intakeVersion}, its status events in its embedded
 * outbox; a submission is inserted once and never updated.
 */
@Repository
class MongoIntakeStore implements IntakeStore {

	private final MongoTemplate mongo;

	private final VersionedWrites writes;

	private final OutboxTrigger outbox;

	MongoIntakeStore(MongoTemplate mongo, VersionedWrites writes, OutboxTrigger outbox) {
		this.mongo = mongo;
		this.writes = writes;
		this.outbox = outbox;
	}

	@Override
	public Optional<BookingIntake> intake(String bookingId) {
		return Optional.ofNullable(this.mongo.findById(bookingId, BookingIntake.class));
	}

	@Override
	public boolean insert(BookingIntake intake) {
		try {
			this.mongo.insert(intake);
		}
		catch (DuplicateKeyException exists) {
			return false;
		}
		this.outbox.publishSoon(BookingIntake.COLLECTION, intake.id());
		return true;
	}

	@Override
	public boolean update(BookingIntake next, long expectedVersion, List<OutboxMessage> events) {
		boolean updated = this.writes.update(next.id(), "intakeVersion", expectedVersion, next, events);
		if (updated && !events.isEmpty()) {
			this.outbox.publishSoon(BookingIntake.COLLECTION, next.id());
		}
		return updated;
	}

	@Override
	public void insert(Submission submission) {
		this.mongo.insert(submission);
	}

	@Override
	public Optional<Submission> submission(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Submission.class));
	}

	@Override
	public List<Submission> submissionsOf(String bookingId) {
		return this.mongo.find(Query.query(Criteria.where("bookingId").is(bookingId)), Submission.class)
			.stream()
			.sorted(java.util.Comparator.comparing(Submission::submittedAt))
			.toList();
	}

	@Override
	public List<BookingIntake> intakesOf(String clientEmail) {
		return this.mongo.find(Query.query(Criteria.where("clientEmail").is(clientEmail)), BookingIntake.class);
	}

	@Override
	public Optional<ClientForm> clientForm(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ClientForm.class));
	}

	@Override
	public void save(ClientForm clientForm) {
		this.mongo.save(clientForm);
	}

	@Override
	public void eraseSubmissions(String bookingId) {
		this.mongo.remove(Query.query(Criteria.where("bookingId").is(bookingId)), ClientForm.class);
		this.mongo.remove(Query.query(Criteria.where("bookingId").is(bookingId)), Submission.class);
	}

}
