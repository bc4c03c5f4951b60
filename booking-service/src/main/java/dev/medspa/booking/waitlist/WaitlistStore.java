package dev.medspa.booking.waitlist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.medspa.support.outbox.OutboxMessage;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.support.outbox.OutboxTrigger;
import dev.medspa.support.outbox.VersionedWrites;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Where the waitlist keeps its documents, each found by id: the places
 * ({@value WaitlistEntry#COLLECTION}, with their events), the lines that list the places
 * per treatment and location in the order they joined, the rounds of offers per freed
 * slot, the small set of rounds due for a look, and each location's settings.
 */
@Repository
class WaitlistStore {

	static final String LINES = "waitlist_lines";

	static final String DUE = "waitlist_due";

	static final String CLIENTS = "waitlist_clients";

	static final String ENDS = "waitlist_ends";

	private final MongoTemplate mongo;

	private final OutboxMessages messages;

	private final OutboxTrigger outbox;

	private final VersionedWrites writes;

	WaitlistStore(MongoTemplate mongo, VersionedWrites writes, OutboxMessages messages, OutboxTrigger outbox) {
		this.mongo = mongo;
		this.writes = writes;
		this.messages = messages;
		this.outbox = outbox;
	}

	// places

	Optional<WaitlistEntry> entry(String id) {
		return Optional.ofNullable(this.mongo.findById(id, WaitlistEntry.class));
	}

	/** Stores a new place with its event, listed in its line first. */
	void add(WaitlistEntry entry, Object event, Instant now) {
		line(entry.treatmentId(), entry.locationId())
			.ifPresentOrElse(line -> this.mongo.updateFirst(Query.query(Criteria.where("_id").is(line.id())),
					new Update().push("entryIds", entry.id()), Line.class), () -> insertLine(entry));
		WaitlistEntry withEvent = new WaitlistEntry(entry.id(), entry.treatmentId(), entry.locationId(), entry.from(),
				entry.to(), entry.partsOfDay(), entry.weekdays(), entry.client(), entry.joinedAt(), entry.status(),
				entry.ignoredInARow(), entry.offersDay(), entry.offersThatDay(), entry.currentOfferId(),
				entry.bookingId(), entry.offerIds(), entry.version(),
				List.of(this.messages.of(entry.id(), event, now)));
		this.mongo.upsert(Query.query(Criteria.where("_id").is(entry.client().normalizedEmail())),
				new Update().addToSet("entryIds", entry.id()), CLIENTS);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(java.time.YearMonth.from(entry.to()).toString())),
				new Update().addToSet("entryIds", entry.id()), ENDS);
		this.mongo.insert(withEvent);
		this.outbox.publishSoon(WaitlistEntry.COLLECTION, entry.id());
	}

	/**
	 * The places a client joined, by their normalised e-mail (listed before the place is
	 * stored, so a crash lists too much, never too little).
	 */
	List<String> entriesOf(String normalizedEmail) {
		ClientPlaces found = this.mongo.findById(normalizedEmail, ClientPlaces.class, CLIENTS);
		return found == null || found.entryIds() == null ? List.of() : found.entryIds();
	}

	/** The client's places are erased: the list that found them goes too. */
	void forgetClient(String normalizedEmail) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(normalizedEmail)), CLIENTS);
	}

	/** One erased place no longer lists its client's address. */
	void forgetPlace(String normalizedEmail, String entryId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(normalizedEmail)),
				new Update().pull("entryIds", entryId), CLIENTS);
		this.mongo.remove(Query.query(Criteria.where("_id").is(normalizedEmail).and("entryIds").size(0)), CLIENTS);
	}

	/**
	 * The months whose places have all ended by the given month (their last wished-for
	 * day lies in it or before), with those places: what the retention job reads instead
	 * of searching every place.
	 */
	List<EndMonth> endedBefore(java.time.YearMonth month) {
		return this.mongo.findAll(EndMonth.class, ENDS)
			.stream()
			.filter(end -> java.time.YearMonth.parse(end.id()).isBefore(month))
			.toList();
	}

	void forgetMonth(String month) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(month)), ENDS);
	}

	private void insertLine(WaitlistEntry entry) {
		String id = lineId(entry.treatmentId(), entry.locationId());
		try {
			this.mongo.insert(new Line(id, List.of(entry.id())));
		}
		catch (DuplicateKeyException raced) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().push("entryIds", entry.id()),
					Line.class);
		}
	}

	/**
	 * Stores a change of a place if it is still at the version it was decided on, with
	 * the event it tells, if any.
	 * @return false if it changed meanwhile: nothing was written
	 */
	boolean store(WaitlistEntry next, @Nullable Object event, Instant now) {
		OutboxMessage message = event == null ? null : this.messages.of(next.id(), event, now);
		boolean stored = this.writes.update(next.id(), next.version() - 1, next, message);
		if (stored && message != null) {
			this.outbox.publishSoon(WaitlistEntry.COLLECTION, next.id());
		}
		if (stored && next.status().over()) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(lineId(next.treatmentId(), next.locationId()))),
					new Update().pull("entryIds", next.id()), Line.class);
		}
		return stored;
	}

	/** The places waiting for a treatment at a location (or at any), in joining order. */
	List<String> line(String treatmentId, @Nullable String locationId, boolean orAny) {
		List<String> here = line(treatmentId, locationId).map(Line::entryIds).orElse(List.of());
		if (!orAny || locationId == null) {
			return here;
		}
		List<String> any = line(treatmentId, null).map(Line::entryIds).orElse(List.of());
		return java.util.stream.Stream.concat(here.stream(), any.stream()).toList();
	}

	private Optional<Line> line(String treatmentId, @Nullable String locationId) {
		return Optional.ofNullable(this.mongo.findById(lineId(treatmentId, locationId), Line.class));
	}

	private static String lineId(String treatmentId, @Nullable String locationId) {
		return treatmentId + "@" + (locationId == null ? "*" : locationId);
	}

	// rounds

	Optional<Round> round(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Round.class));
	}

	/**
	 * Stores a new round, due at once.
	 * @return false if a round of that id exists: the event that frees it was seen
	 */
	boolean addRound(Round round) {
		try {
			this.mongo.insert(round);
		}
		catch (DuplicateKeyException seen) {
			return false;
		}
		due(round.id(), round.due());
		return true;
	}

	/** Stores a change of a round if it is still at the version it was decided on. */
	boolean store(Round next) {
		if (!this.writes.update(next.id(), next.version() - 1, next, null)) {
			return false;
		}
		due(next.id(), next.due());
		return true;
	}

	/** The rounds due for a look by then; few, since over rounds leave the set. */
	List<String> dueBy(Instant now) {
		return this.mongo.findAll(Due.class, DUE).stream().filter(due -> !due.at().isAfter(now)).map(Due::id).toList();
	}

	private void due(String roundId, @Nullable Instant at) {
		if (at == null) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(roundId)), DUE);
		}
		else {
			this.mongo.save(new Due(roundId, at), DUE);
		}
	}

	// figures

	/** A freed slot (with someone waiting) counted in its location's month. */
	void countFreed(String locationId, java.time.YearMonth month) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(RefillMonth.id(locationId, month))),
				new Update().inc("freed", 1)
					.setOnInsert("locationId", locationId)
					.setOnInsert("month", month.toString()),
				RefillMonth.class);
	}

	/** A freed slot booked from the waitlist, and how long after it was freed. */
	void countRefilled(String locationId, java.time.YearMonth month, java.time.Duration after) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(RefillMonth.id(locationId, month))),
				new Update().inc("refilled", 1)
					.push("refillSeconds", after.toSeconds())
					.setOnInsert("locationId", locationId)
					.setOnInsert("month", month.toString()),
				RefillMonth.class);
	}

	Optional<RefillMonth> refills(String locationId, java.time.YearMonth month) {
		return Optional.ofNullable(this.mongo.findById(RefillMonth.id(locationId, month), RefillMonth.class));
	}

	// settings

	WaitlistSettings settings(String locationId) {
		WaitlistSettings stored = this.mongo.findById(locationId, WaitlistSettings.class);
		return stored == null ? WaitlistSettings.standard(locationId) : stored;
	}

	void save(WaitlistSettings settings) {
		this.mongo.save(settings);
	}

	@org.springframework.data.mongodb.core.mapping.Document(LINES)
	record Line(@Id String id, List<String> entryIds) {
	}

	record Due(@Id String id, Instant at) {
	}

	record ClientPlaces(@Id String id, @Nullable List<String> entryIds) {
	}

	/**
	 * The places whose last wished-for day lies in one month ({@code id}, e.g. 2026-12).
	 */
	record EndMonth(@Id String id, @Nullable List<String> entryIds) {
	}

}
