package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which plans need a sender when, found by {@code _id} alone, so finding what is due
 * costs the same with a thousand plans stored as with a million (and a sharded MongoDB
 * routes every read).
 * <p>
 * Three levels of small documents in one collection: {@code days} lists the days that
 * have something pending, {@code day:<n>} the minutes of that day that do, and
 * {@code minute:<n>} the entries due in that minute: booking id, due time and the plan
 * revision that set it. A plan's store notes an entry <em>before</em> it writes a plan
 * whose next due time changed, so a crash can leave an entry too many, never one too few;
 * a reader drops an entry once the plan has moved past it. Something due in the past is
 * noted in the current minute, and a minute that has passed stays readable for
 * {@link #LATE_WRITES} before it may be tidied away, so a writer that noted "now" just
 * before the minute turned is still read.
 */
@Component
public class DueIndex {

	static final String COLLECTION = "due_index";

	/** How long a passed minute stays, for writers that were slow to note an entry. */
	static final Duration LATE_WRITES = Duration.ofMinutes(2);

	private static final String DAYS = "days";

	private static final long MINUTES_A_DAY = 1440;

	private final MongoTemplate mongo;

	DueIndex(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Notes that the plan needs a sender at {@code due}, before the plan at
	 * {@code revision} is written.
	 */
	void note(String bookingId, Instant due, long revision, Instant now) {
		long minute = minuteOf(due.isBefore(now) ? now : due);
		long day = Math.floorDiv(minute, MINUTES_A_DAY);
		add(DAYS, Long.toString(day));
		add("day:" + day, Long.toString(minute));
		add("minute:" + minute, new Entry(bookingId, due, revision, minute).key());
	}

	/**
	 * The entries noted in every minute up to now, the oldest minute first.
	 * @param limit how many entries to return at most
	 */
	public List<Entry> upTo(Instant now, int limit) {
		long nowMinute = minuteOf(now);
		List<Entry> entries = new ArrayList<>();
		for (long day : numbers(DAYS)) {
			if (day * MINUTES_A_DAY > nowMinute) {
				continue;
			}
			for (long minute : numbers("day:" + day)) {
				if (minute > nowMinute) {
					continue;
				}
				for (String key : entries("minute:" + minute)) {
					Entry entry = Entry.parse(key, minute);
					if (entry != null && !entry.due().isAfter(now)) {
						entries.add(entry);
						if (entries.size() >= limit) {
							return entries;
						}
					}
				}
			}
		}
		return entries;
	}

	/** Forgets an entry that was handled, or that its plan has moved past. */
	public void done(Entry entry) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is("minute:" + entry.minute())),
				new Update().pull("entries", entry.key()), Slot.class, COLLECTION);
	}

	/**
	 * Forgets an entry handled as soon as its plan was written, when only its due time
	 * and revision are known: it was noted in the minute of now or of its due time,
	 * whichever is later.
	 */
	public void done(String bookingId, Instant due, long revision, Instant now) {
		done(new Entry(bookingId, due, revision, minuteOf(due.isBefore(now) ? now : due)));
	}

	/**
	 * Removes minutes that passed more than {@link #LATE_WRITES} ago with nothing left,
	 * and days left with no minutes.
	 */
	public void tidy(Instant now) {
		long before = minuteOf(now.minus(LATE_WRITES));
		for (long day : numbers(DAYS)) {
			if (day * MINUTES_A_DAY > before) {
				continue;
			}
			List<Long> minutes = numbers("day:" + day);
			for (long minute : minutes) {
				if (minute < before && this.mongo.findAndRemove(
						Query.query(Criteria.where("_id").is("minute:" + minute).and("entries").size(0)), Slot.class,
						COLLECTION) != null) {
					remove("day:" + day, Long.toString(minute));
				}
				else if (minute < before && this.mongo.findById("minute:" + minute, Slot.class, COLLECTION) == null) {
					remove("day:" + day, Long.toString(minute));
				}
			}
			if ((day + 1) * MINUTES_A_DAY <= before && this.mongo.findAndRemove(
					Query.query(Criteria.where("_id").is("day:" + day).and("entries").size(0)), Slot.class,
					COLLECTION) != null) {
				remove(DAYS, Long.toString(day));
			}
		}
	}

	/** How many entries wait in minutes up to now: the backlog. */
	public int backlog(Instant now) {
		return upTo(now, Integer.MAX_VALUE).size();
	}

	static long minuteOf(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), 60);
	}

	private void add(String id, String value) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().addToSet("entries", value),
				Slot.class, COLLECTION);
	}

	private void remove(String id, String value) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull("entries", value),
				Slot.class, COLLECTION);
	}

	private List<String> entries(String id) {
		Slot slot = this.mongo.findById(id, Slot.class, COLLECTION);
		return slot == null || slot.entries() == null ? List.of() : slot.entries();
	}

	private List<Long> numbers(String id) {
		return entries(id).stream().map(Long::valueOf).sorted(Comparator.naturalOrder()).toList();
	}

	/**
	 * One level of the index.
	 */
	record Slot(@Id String id, @Nullable List<String> entries) {
	}

	/**
	 * A plan needing a sender.
	 *
	 * @param bookingId the plan
	 * @param due its next due time when the entry was noted
	 * @param revision the plan revision that set it
	 * @param minute the minute the entry was noted in
	 */
	public record Entry(String bookingId, Instant due, long revision, long minute) {

		String key() {
			return this.bookingId + "|" + this.due.toEpochMilli() + "|" + this.revision;
		}

		/** Whether the plan write that noted this entry should have happened long ago. */
		public boolean longPast(Instant now) {
			return Instant.ofEpochSecond((this.minute + 1) * 60).plus(LATE_WRITES).isBefore(now);
		}

		/** Whether the stored plan has moved past this entry. */
		public boolean staleFor(Plan plan) {
			return plan.revision() >= this.revision && !Objects.equals(plan.nextDueAt(), this.due);
		}

		static @Nullable Entry parse(String key, long minute) {
			int second = key.lastIndexOf('|');
			int first = key.lastIndexOf('|', second - 1);
			if (first < 0) {
				return null;
			}
			return new Entry(key.substring(0, first),
					Instant.ofEpochMilli(Long.parseLong(key.substring(first + 1, second))),
					Long.parseLong(key.substring(second + 1)), minute);
		}

	}

}
