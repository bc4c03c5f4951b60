package dev.medspa.booking.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/**
 * How far the retention check has looked through past days: each run goes on from the day
 * after, so its cost follows the days that passed, not the bookings stored.
 */
@Repository
class RetentionProgress {

	private static final String ID = "retention";

	private final MongoTemplate mongo;

	RetentionProgress(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The last day whose bookings were all looked at, if any was. */
	Optional<LocalDate> examinedUpTo() {
		return Optional.ofNullable(this.mongo.findById(ID, Examined.class)).map(Examined::upTo);
	}

	void examined(LocalDate day, Instant at) {
		this.mongo.save(new Examined(ID, day, at));
	}

	/** The progress of one periodic look through the days. */
	@Document("day_walks")
	record Examined(@Id String id, LocalDate upTo, Instant at) {
	}

}
