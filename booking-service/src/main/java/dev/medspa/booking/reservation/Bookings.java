package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.medspa.support.Refusal;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.support.outbox.OutboxTrigger;
import dev.medspa.support.outbox.VersionedWrites;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The stored bookings, read by id and changed only through a {@link Booking.Change}: the
 * next state and its event in one compare-and-set on the version it was decided on, then
 * handed to the outbox relay. The lists that find bookings without a search (the client's
 * history, the location's and practitioner's day) are kept here too, written before the
 * booking so that a crash leaves a list naming too much, never too little.
 */
@Repository
public class Bookings {

	private final MongoTemplate mongo;

	private final VersionedWrites writes;

	private final OutboxMessages messages;

	private final OutboxTrigger outbox;

	private final ClientHistories histories;

	private final DayLists days;

	private final Clock clock;

	private final MeterRegistry meters;

	Bookings(MongoTemplate mongo, VersionedWrites writes, OutboxMessages messages, OutboxTrigger outbox,
			ClientHistories histories, DayLists days, Clock clock, MeterRegistry meters) {
		this.meters = meters;
		this.mongo = mongo;
		this.writes = writes;
		this.messages = messages;
		this.outbox = outbox;
		this.histories = histories;
		this.days = days;
		this.clock = clock;
	}

	public Optional<Booking> byId(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Booking.class));
	}

	/** The booking, or 404. */
	public Booking existing(String id) {
		return byId(id).orElseThrow(() -> Refusal.notFound("Booking", "No booking has the id " + id));
	}

	/**
	 * Stores a new booking with its event, listed first on its client's history and its
	 * days.
	 */
	void add(Booking.Change confirmed) {
		Booking booking = confirmed.booking();
		if (confirmed.before() != null) {
			throw new IllegalArgumentException("Not a new booking: " + booking.id());
		}
		this.histories.add(booking.client().normalizedEmail(), booking.id());
		this.days.add(booking);
		booking.record(this.messages.of(booking.id(), confirmed.event(), this.clock.instant()));
		this.mongo.insert(booking);
		this.outbox.publishSoon(Booking.COLLECTION, booking.id());
		count(confirmed);
	}

	/**
	 * Stores a change if the booking is still at the version it was decided on.
	 * @return false if it changed meanwhile: nothing was written
	 */
	boolean store(Booking.Change change) {
		Booking before = change.before();
		Booking next = change.booking();
		if (before == null) {
			throw new IllegalArgumentException("A new booking is added, not stored: " + next.id());
		}
		if (next.placement() != before.placement()) {
			this.days.add(next);
		}
		if (!this.writes.update(next.id(), change.fromVersion(), next,
				this.messages.of(next.id(), change.event(), this.clock.instant()))) {
			return false;
		}
		if (next.client().isErased() && !before.client().isErased()) {
			this.histories.remove(before.client().normalizedEmail(), next.id());
		}
		this.outbox.publishSoon(Booking.COLLECTION, next.id());
		count(change);
		return true;
	}

	/** Every change stored, by the event it published: {@code medspa_bookings_total}. */
	private void count(Booking.Change change) {
		Counter.builder("medspa.bookings")
			.description("Booking changes stored, by the event each published")
			.tag("event", change.event().getClass().getSimpleName())
			.register(this.meters)
			.increment();
	}

	/**
	 * The booking with the earliest start, if there is one: where a walk through the days
	 * begins.
	 */
	Optional<Booking> earliest() {
		return Optional.ofNullable(this.mongo.findOne(new Query().with(Sort.by("start")).limit(1), Booking.class));
	}

	/** Every stored booking, for a one-time pass; the stream must be closed. */
	Stream<Booking> all() {
		return this.mongo.stream(new Query(), Booking.class);
	}

	/** Whether a claim's owner is a booking that still holds that claim. */
	boolean holds(String claimOwner) {
		return Booking.idOfClaimOwner(claimOwner)
			.flatMap(this::byId)
			.filter(booking -> booking.claimOwner().equals(claimOwner) && booking.status().holdsItsSlot())
			.isPresent();
	}

}
