package dev.medspa.booking.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.medspa.support.timeline.MinuteIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The booking claims whose fate a crash could leave open, noted by the minute before the
 * write that takes or frees them: a claim taken before its booking is stored, and a claim
 * being let go of after its booking moved or ended. The sweeper reads what was noted
 * since it last looked, by {@code _id} alone, so its cost follows the bookings being made
 * and changed, not the bookings stored; an entry is forgotten once its booking is settled
 * either way.
 */
@Repository
public class ClaimJournal {

	static final String COLLECTION = "claim_journal";

	/** How long a passed minute stays, for writers that were slow to note an entry. */
	private static final Duration LATE_WRITES = Duration.ofMinutes(2);

	private final MinuteIndex index;

	private final Clock clock;

	ClaimJournal(MongoTemplate mongo, Clock clock) {
		this.index = new MinuteIndex(mongo, COLLECTION);
		this.clock = clock;
	}

	/** Notes a booking's claim before it is written or released; a hold needs no note. */
	public void note(Claim claim, String locationId) {
		if (claim.kind() == Claim.Kind.BOOKING) {
			this.index.note(
					String.join("|", locationId, claim.owner(), claim.practitionerId(),
							Long.toString(claim.start().toEpochMilli()), Long.toString(claim.end().toEpochMilli())),
					this.clock.instant());
		}
	}

	/**
	 * What was noted up to now, the oldest first.
	 * @param limit how many to return at most
	 */
	public List<Noted> upTo(Instant now, int limit) {
		return this.index.upTo(now, limit).stream().map(Noted::parse).filter(Objects::nonNull).toList();
	}

	/** Forgets a claim whose booking is settled. */
	public void done(Noted noted) {
		this.index.done(noted.noted());
	}

	/** Removes passed minutes with nothing left in them. */
	public void tidy(Instant now) {
		this.index.tidy(now, LATE_WRITES);
	}

	/**
	 * A claim as noted.
	 *
	 * @param locationId whose day sheet holds it
	 * @param owner the booking's claim owner
	 * @param practitionerId whose days it engages
	 * @param start when it begins, preparation included
	 * @param end when it ends, clean-up included
	 * @param noted where it was noted
	 */
	public record Noted(String locationId, String owner, String practitionerId, Instant start, Instant end,
			MinuteIndex.Noted noted) {

		static @Nullable Noted parse(MinuteIndex.Noted noted) {
			String[] parts = noted.entry().split("\\|");
			if (parts.length != 5) {
				return null;
			}
			return new Noted(parts[0], parts[1], parts[2], Instant.ofEpochMilli(Long.parseLong(parts[3])),
					Instant.ofEpochMilli(Long.parseLong(parts[4])), noted);
		}

	}

}
