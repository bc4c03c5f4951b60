package dev.medspa.booking.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.medspa.booking.claim.PractitionerDay.Engagement;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps each practitioner in one place at a time, across locations and zones. Every
 * lookup is by id: one document per practitioner and UTC day.
 */
@Repository
public class PractitionerDays {

	private static final int ATTEMPTS = 50;

	private final MongoTemplate mongo;

	private final ClaimPolicy policy;

	private final Clock clock;

	PractitionerDays(MongoTemplate mongo, ClaimPolicy policy, Clock clock) {
		this.mongo = mongo;
		this.policy = policy;
		this.clock = clock;
	}

	public Duration travelBuffer() {
		return this.policy.travelBuffer();
	}

	PractitionerDay load(String practitionerId, LocalDate utcDate) {
		return Optional
			.ofNullable(this.mongo.findById(PractitionerDay.id(practitionerId, utcDate), PractitionerDay.class))
			.orElseGet(() -> PractitionerDay.empty(practitionerId, utcDate));
	}

	/** A practitioner's stored days from one UTC date to another, in one round trip. */
	private List<PractitionerDay> loadAll(String practitionerId, LocalDate from, LocalDate to) {
		List<String> ids = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			ids.add(PractitionerDay.id(practitionerId, date));
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), PractitionerDay.class);
	}

	/**
	 * A reader that loads each practitioner-day once: for a search over many days and
	 * locations. A booking decides on a fresh reader.
	 */
	public Reader reader() {
		return new Reader(null, null);
	}

	/**
	 * A reader for a search over the UTC days from {@code from} to {@code to}: the first
	 * time it is asked about a practitioner it reads all their days in that range in one
	 * round trip, by their ids.
	 */
	public Reader reader(LocalDate from, LocalDate to) {
		return new Reader(from, to);
	}

	/** Reads practitioner-days and remembers what it read. */
	public final class Reader {

		private final Map<String, PractitionerDay> read = new HashMap<>();

		private final Set<String> prefetched = new HashSet<>();

		private final @Nullable LocalDate from;

		private final @Nullable LocalDate to;

		private Reader(@Nullable LocalDate from, @Nullable LocalDate to) {
			this.from = from;
			this.to = to;
		}

		private void prefetch(String practitionerId) {
			if (this.from == null || this.to == null || !this.prefetched.add(practitionerId)) {
				return;
			}
			for (PractitionerDay day : loadAll(practitionerId, this.from, this.to)) {
				this.read.put(day.id(), day);
			}
			for (LocalDate date = this.from; !date.isAfter(this.to); date = date.plusDays(1)) {
				this.read.putIfAbsent(PractitionerDay.id(practitionerId, date),
						PractitionerDay.empty(practitionerId, date));
			}
		}

		/**
		 * The live engagements of a practitioner that touch [from, to), each once, except
		 * the one of {@code ignoring}.
		 */
		public List<Engagement> engagements(String practitionerId, Instant from, Instant to,
				@Nullable String ignoring) {
			prefetch(practitionerId);
			Map<String, Engagement> found = new LinkedHashMap<>();
			Instant now = PractitionerDays.this.clock.instant();
			for (LocalDate date : days(from, to)) {
				PractitionerDay day = this.read.computeIfAbsent(PractitionerDay.id(practitionerId, date),
						id -> load(practitionerId, date));
				for (Engagement engagement : day.engagements()) {
					if (engagement.isLive(now) && !engagement.owner().equals(ignoring)) {
						found.putIfAbsent(engagement.owner(), engagement);
					}
				}
			}
			return List.copyOf(found.values());
		}

	}

	/**
	 * Engages the claim's practitioner at a location, if no other live engagement blocks
	 * it on any of the days it touches.
	 * @param ignoring an owner whose engagement is disregarded and left in place (the
	 * booking's earlier placement during a move)
	 * @param replacing an owner whose engagement is removed in the same writes (the hold
	 * a booking comes from)
	 * @return false, with nothing left engaged, if something blocks it
	 */
	public boolean engage(Claim claim, String locationId, @Nullable String ignoring, @Nullable String replacing) {
		Engagement engagement = Engagement.of(claim, locationId);
		Duration buffer = this.policy.travelBuffer();
		List<LocalDate> written = new ArrayList<>();
		for (LocalDate date : days(claim.start().minus(buffer), claim.end().plus(buffer))) {
			if (!engage(date, claim.practitionerId(), engagement, ignoring, replacing)) {
				written.forEach(day -> release(claim.practitionerId(), day, claim.owner()));
				return false;
			}
			written.add(date);
		}
		return true;
	}

	private boolean engage(LocalDate date, String practitionerId, Engagement engagement, @Nullable String ignoring,
			@Nullable String replacing) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			PractitionerDay day = load(practitionerId, date);
			Instant now = this.clock.instant();
			List<Engagement> kept = new ArrayList<>();
			for (Engagement other : day.engagements()) {
				if (!other.isLive(now) || other.owner().equals(replacing) || other.owner().equals(engagement.owner())) {
					continue;
				}
				if (!other.owner().equals(ignoring) && other.blocks(engagement.locationId(), engagement.start(),
						engagement.end(), this.policy.travelBuffer())) {
					return false;
				}
				kept.add(other);
			}
			kept.add(engagement);
			if (write(day, kept)) {
				return true;
			}
		}
		throw dev.medspa.support.Refusal.conflict("busy", "Too busy", null,
				"Too many bookings at once for this practitioner; try again");
	}

	/**
	 * Removes an owner's engagement from every day it may be on: the days of its interval
	 * and one either side, whatever the travel buffer was when it was written.
	 */
	public void release(String practitionerId, String owner, Instant start, Instant end) {
		for (LocalDate date : days(start.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)))) {
			release(practitionerId, date, owner);
		}
	}

	/** Removes an owner's engagement from one practitioner-day. */
	public void release(String practitionerId, LocalDate date, String owner) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			PractitionerDay day = load(practitionerId, date);
			if (day.engagements().stream().noneMatch(engagement -> engagement.owner().equals(owner))) {
				return;
			}
			if (write(day, day.engagements().stream().filter(e -> !e.owner().equals(owner)).toList())) {
				return;
			}
		}
		throw dev.medspa.support.Refusal.conflict("busy", "Too busy", null,
				"Too many changes at once for this practitioner; try again");
	}

	/**
	 * Adds an engagement if no document of its days has it yet; for engagements made
	 * before practitioner-days existed. Nothing is checked: it records what was already
	 * decided.
	 */
	public void record(Claim claim, String locationId) {
		Engagement engagement = Engagement.of(claim, locationId);
		Duration buffer = this.policy.travelBuffer();
		for (LocalDate date : days(claim.start().minus(buffer), claim.end().plus(buffer))) {
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				PractitionerDay day = load(claim.practitionerId(), date);
				if (day.engagements().stream().anyMatch(e -> e.owner().equals(claim.owner()))) {
					break;
				}
				List<Engagement> engagements = new ArrayList<>(day.engagements());
				engagements.add(engagement);
				if (write(day, engagements)) {
					break;
				}
			}
		}
	}

	/** The practitioner-days from a UTC date on, as stored: for the sweeper. */
	public List<PractitionerDay> from(LocalDate utcDate) {
		return this.mongo.find(Query.query(Criteria.where("date").gte(utcDate)), PractitionerDay.class);
	}

	/** The live booking engagements of a practitioner between two instants, each once. */
	public List<Engagement> bookings(String practitionerId, Instant from, Instant to) {
		return reader().engagements(practitionerId, from, to, null)
			.stream()
			.filter(e -> e.kind() == Claim.Kind.BOOKING && e.end().isAfter(from) && e.start().isBefore(to))
			.toList();
	}

	private static List<LocalDate> days(Instant from, Instant to) {
		List<LocalDate> days = new ArrayList<>();
		LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
		for (LocalDate date = LocalDate.ofInstant(from, ZoneOffset.UTC); !date.isAfter(last); date = date.plusDays(1)) {
			days.add(date);
		}
		return days;
	}

	private boolean write(PractitionerDay read, List<Engagement> engagements) {
		if (read.version() == 0) {
			try {
				this.mongo.insert(new PractitionerDay(read.id(), read.practitionerId(), read.date(), engagements, 1));
				return true;
			}
			catch (DuplicateKeyException someoneWasFirst) {
				return false;
			}
		}
		PractitionerDay replaced = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(read.id()).and("version").is(read.version())),
				new Update().set("engagements", engagements).set("version", read.version() + 1), PractitionerDay.class);
		return replaced != null;
	}

}
