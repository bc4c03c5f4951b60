package dev.medspa.booking.reservation;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The bookings that need staff to act, by booking id. */
@Repository
public class Attention {

	private final MongoTemplate mongo;

	private final Clock clock;

	Attention(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Lists a booking as needing attention; listing it again keeps the first reason. */
	void raise(Booking booking, String reason) {
		try {
			this.mongo.insert(new NeedsAttention(booking.id(), booking.locationId(), booking.start(), reason,
					this.clock.instant()));
		}
		catch (DuplicateKeyException listedAlready) {
			// the first reason stands
		}
	}

	/** Staff moved, cancelled or otherwise settled the booking. */
	void settled(String bookingId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(bookingId)), NeedsAttention.class);
	}

	/** What needs attention at the given locations, soonest first. */
	public List<NeedsAttention> at(Collection<String> locationIds) {
		return this.mongo.find(Query.query(Criteria.where("locationId").in(locationIds)).with(Sort.by("start")),
				NeedsAttention.class);
	}

	/** What needs attention anywhere, soonest first. */
	public List<NeedsAttention> all() {
		return this.mongo.find(new Query().with(Sort.by("start")), NeedsAttention.class);
	}

}
