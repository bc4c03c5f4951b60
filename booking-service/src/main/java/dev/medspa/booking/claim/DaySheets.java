package dev.medspa.booking.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Claims and releases intervals on day sheets. A claim reads the sheet, decides on it,
 * and writes the result only if the sheet is still at the version it read (or, for a day
 * with no sheet yet, only if no one created it first). Losing that race means reading
 * again and deciding again, so whatever two requests do at once, the database lets
 * through only claims decided on the latest state: overlapping claims cannot both win.
 * <p>
 * Once the location's sheet is won, the practitioner is engaged on their
 * {@link PractitionerDays practitioner-days}, which see every location. If another
 * location was faster, the sheet's claim is released and the decision taken again on what
 * is now there. Nothing is locked, so nothing can deadlock; a crash between the two
 * writes leaves a claim without a booking, which the claim sweeper releases.
 */
@Repository
public class DaySheets {

	private static final int ATTEMPTS = 50;

	private final MongoTemplate mongo;

	private final PractitionerDays practitionerDays;

	private final Clock clock;

	private final ClaimJournal journal;

	DaySheets(MongoTemplate mongo, PractitionerDays practitionerDays, ClaimJournal journal, Clock clock) {
		this.journal = journal;
		this.mongo = mongo;
		this.practitionerDays = practitionerDays;
		this.clock = clock;
	}

	public DaySheet load(String locationId, LocalDate date) {
		return Optional.ofNullable(this.mongo.findById(DaySheet.id(locationId, date), DaySheet.class))
			.orElseGet(() -> DaySheet.empty(locationId, date));
	}

	/**
	 * A location's day sheets from one local date to another, inclusive, read together by
	 * their ids: one round trip for a calendar's fortnight.
	 */
	public Map<LocalDate, DaySheet> load(String locationId, LocalDate from, LocalDate to) {
		List<String> ids = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			ids.add(DaySheet.id(locationId, date));
		}
		Map<LocalDate, DaySheet> sheets = new HashMap<>();
		for (DaySheet sheet : this.mongo.find(Query.query(Criteria.where("_id").in(ids)), DaySheet.class)) {
			sheets.put(sheet.date(), sheet);
		}
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			sheets.computeIfAbsent(date, missing -> DaySheet.empty(locationId, missing));
		}
		return sheets;
	}

	/** The day sheets from a local date on, as stored: for sweeps. */
	public List<DaySheet> from(LocalDate date) {
		return this.mongo.find(Query.query(Criteria.where("date").gte(date)), DaySheet.class);
	}

	/**
	 * Adds the claim that {@code decide} chooses on the latest sheet.
	 * @param decide picks a claim on the sheet it is given, or throws a {@link Refusal}
	 * when nothing is free
	 * @return the claim written
	 */
	public Claim claim(String locationId, LocalDate date, Function<DaySheet, Claim> decide) {
		return claim(locationId, date, null, decide);
	}

	/**
	 * Adds a claim as {@link #claim(String, LocalDate, Function)} does, deciding as if
	 * the claims of {@code ignoring} were not there (they stay): a booking that moves
	 * within a day must not collide with itself.
	 */
	public Claim claim(String locationId, LocalDate date, @Nullable String ignoring, Function<DaySheet, Claim> decide) {
		return write(locationId, date, sheet -> decide.apply(ignoring == null ? sheet : sheet.without(ignoring)),
				ignoring, null);
	}

	/**
	 * Replaces the claim of {@code replaced} by the one {@code decide} chooses, in one
	 * write: a hold becomes a booking without a moment in which another request could
	 * take its interval.
	 * @param decide sees the whole sheet, the replaced claim included, and must check
	 * that it is still live
	 */
	public Claim replace(String locationId, LocalDate date, String replaced, Function<DaySheet, Claim> decide) {
		return write(locationId, date, decide, null, replaced);
	}

	private Claim write(String locationId, LocalDate date, Function<DaySheet, Claim> decide, @Nullable String ignoring,
			@Nullable String replaced) {
		Claim noted = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			DaySheet sheet = load(locationId, date);
			Claim claim = decide.apply(sheet);
			Instant now = this.clock.instant();
			List<Claim> claims = new ArrayList<>(
					sheet.live(now).stream().filter(kept -> !kept.owner().equals(replaced)).toList());
			claims.add(claim);
			if (!claim.equals(noted)) {
				// a retry that decides the same claim needs no second note
				this.journal.note(claim, locationId);
				noted = claim;
			}
			if (!write(sheet, claims)) {
				continue;
			}
			boolean engaged;
			try {
				engaged = this.practitionerDays.engage(claim, locationId, ignoring, replaced);
			}
			catch (RuntimeException ex) {
				releaseFromSheet(locationId, date, claim.owner());
				throw ex;
			}
			if (engaged) {
				return claim;
			}
			releaseFromSheet(locationId, date, claim.owner());
		}
		throw Refusal.conflict("busy", "Too busy", null, "Too many bookings at once for this day; try again");
	}

	/**
	 * Removes every claim of an owner from a day sheet, and frees its practitioner on
	 * every day the claim engaged them.
	 */
	public void release(String locationId, LocalDate date, String owner) {
		releaseFromSheet(locationId, date, owner)
			.forEach(claim -> this.practitionerDays.release(claim.practitionerId(), owner, claim.start(), claim.end()));
	}

	/** Removes an owner's claims from the sheet; answers the claims it removed. */
	private List<Claim> releaseFromSheet(String locationId, LocalDate date, String owner) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			DaySheet sheet = load(locationId, date);
			List<Claim> owned = sheet.claims().stream().filter(claim -> claim.owner().equals(owner)).toList();
			if (owned.isEmpty()) {
				return owned;
			}
			List<Claim> claims = sheet.claims().stream().filter(claim -> !claim.owner().equals(owner)).toList();
			owned.forEach(claim -> this.journal.note(claim, locationId));
			if (write(sheet, claims)) {
				return owned;
			}
		}
		throw Refusal.conflict("busy", "Too busy", null, "Too many changes at once for this day; try again");
	}

	/**
	 * Writes the claims if the sheet is still the one read; false if someone changed it
	 * first.
	 */
	private boolean write(DaySheet read, List<Claim> claims) {
		if (read.version() == 0) {
			try {
				this.mongo.insert(new DaySheet(read.id(), read.locationId(), read.date(), claims, 1));
				return true;
			}
			catch (DuplicateKeyException someoneWasFirst) {
				return false;
			}
		}
		DaySheet replaced = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(read.id()).and("version").is(read.version())),
				new Update().set("claims", claims).set("version", read.version() + 1), DaySheet.class);
		return replaced != null;
	}

}
