package dev.medspa.booking.series;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The series' records by id, and the small list of those not over yet
 * ({@value SeriesBookings#PENDING}) that the sweeper reads instead of searching.
 */
@Repository
class SeriesStore {

	private final MongoTemplate mongo;

	SeriesStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** A new series, listed as pending until its due time. */
	void add(Series series) {
		this.mongo.insert(series);
		this.mongo.save(new Pending(series.id(), java.util.Objects.requireNonNull(series.due())),
				SeriesBookings.PENDING);
	}

	Optional<Series> byId(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Series.class));
	}

	/** Stores a change if the series is still at the version it was decided on. */
	boolean store(Series before, Series next) {
		boolean stored = this.mongo.findAndReplace(
				Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version())), next) != null;
		if (stored && next.due() == null) {
			settled(next.id());
		}
		return stored;
	}

	/** The ids of pending series due by then. */
	List<String> dueBy(Instant now) {
		return this.mongo.findAll(Pending.class, SeriesBookings.PENDING)
			.stream()
			.filter(pending -> !pending.due().isAfter(now))
			.map(Pending::id)
			.toList();
	}

	void settled(String id) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(id)), SeriesBookings.PENDING);
	}

	record Pending(@Id String id, Instant due) {
	}

}
