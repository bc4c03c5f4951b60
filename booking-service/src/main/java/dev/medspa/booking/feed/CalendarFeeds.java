package dev.medspa.booking.feed;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The issued feeds. A calendar app's poll reads one by the hash of its token, which is
 * the {@code _id}; staff list and revoke the few of a location by the location and the
 * feed's id, a query over a small collection.
 */
@Repository
public class CalendarFeeds {

	private final MongoTemplate mongo;

	CalendarFeeds(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The indexes a deployed MongoDB uses to list and revoke a location's feeds (the
	 * local stand-in keeps the unique one and ignores the other).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void declareIndexes() {
		var indexes = this.mongo.indexOps(CalendarFeed.class);
		indexes.createIndex(new Index().on("feedId", Sort.Direction.ASC).unique().named("feed_id"));
		indexes.createIndex(new Index().on("locationId", Sort.Direction.ASC).named("feed_location"));
	}

	void add(CalendarFeed feed) {
		this.mongo.insert(feed);
	}

	Optional<CalendarFeed> byTokenHash(String tokenHash) {
		return Optional.ofNullable(this.mongo.findById(tokenHash, CalendarFeed.class));
	}

	/** A location's feeds, oldest first. */
	List<CalendarFeed> ofLocation(String locationId) {
		return this.mongo.find(
				Query.query(Criteria.where("locationId").is(locationId)).with(Sort.by("createdAt", "feedId")),
				CalendarFeed.class);
	}

	Optional<CalendarFeed> byId(String locationId, String id) {
		return Optional.ofNullable(this.mongo.findOne(ofLocation(locationId, id), CalendarFeed.class));
	}

	long countAt(String locationId) {
		return this.mongo.count(Query.query(Criteria.where("locationId").is(locationId)), CalendarFeed.class);
	}

	/**
	 * Removes a feed, so its address stops answering at once.
	 * @return false if the location has no feed with this id
	 */
	boolean remove(String locationId, String id) {
		return this.mongo.findAndRemove(ofLocation(locationId, id), CalendarFeed.class) != null;
	}

	private static Query ofLocation(String locationId, String id) {
		return Query.query(Criteria.where("feedId").is(id).and("locationId").is(locationId));
	}

}
