package dev.medspa.booking.intake;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.medspa.support.readmodel.VersionedDocuments;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Each booking's intake status, read by the booking's id; the newest version wins, so a
 * redelivered or late record changes nothing.
 */
@Repository
public class IntakeStatuses {

	private final MongoTemplate mongo;

	private final VersionedDocuments versioned;

	IntakeStatuses(MongoTemplate mongo, VersionedDocuments versioned) {
		this.mongo = mongo;
		this.versioned = versioned;
	}

	/**
	 * Keeps the state unless a version at least as new is stored.
	 * @return whether it was stored
	 */
	boolean record(IntakeState state) {
		return this.versioned.saveIfNewer(IntakeState.COLLECTION, state.id(), state.version(), state);
	}

	public Optional<IntakeState> of(String bookingId) {
		return Optional.ofNullable(this.mongo.findById(bookingId, IntakeState.class));
	}

	/** The status of each of the bookings that has one, in one read by id. */
	public Map<String, String> statusesOf(Collection<String> bookingIds) {
		if (bookingIds.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(bookingIds)), IntakeState.class)
			.stream()
			.collect(Collectors.toMap(IntakeState::id, IntakeState::status));
	}

}
