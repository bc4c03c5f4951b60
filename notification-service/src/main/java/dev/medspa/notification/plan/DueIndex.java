package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.medspa.support.timeline.MinuteIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which plans need a sender when, found by {@code _id} alone (a {@link MinuteIndex}), so
 * finding what is due costs the same with a thousand plans stored as with a million.
 * <p>
 * An entry names the booking, its due time and the plan revision that set it. A plan's
 * store notes an entry <em>before</em> it writes a plan whose next due time changed, so a
 * crash can leave an entry too many, never one too few; a reader drops an entry once the
 * plan has moved past it. Something due in the past is noted under the current minute,
 * and a minute that has passed stays readable for {@link #LATE_WRITES}, so a writer that
 * noted "now" just before the minute turned is still read.
 */
@Repository
public class DueIndex {

	static final String COLLECTION = "due_index";

	/** How long a passed minute stays, for writers that were slow to note an entry. */
	static final Duration LATE_WRITES = Duration.ofMinutes(2);

	private final MinuteIndex index;

	DueIndex(MongoTemplate mongo) {
		this.index = new MinuteIndex(mongo, COLLECTION);
	}

	/**
	 * Notes that the plan needs a sender at {@code due}, before the plan at
	 * {@code revision} is written.
	 */
	void note(String bookingId, Instant due, long revision, Instant now) {
		this.index.note(Entry.key(bookingId, due, revision), due.isBefore(now) ? now : due);
	}

	/**
	 * The entries due by now, the oldest minute first.
	 * @param limit how many entries to look at at most
	 */
	public List<Entry> upTo(Instant now, int limit) {
		return this.index.upTo(now, limit)
			.stream()
			.map(Entry::parse)
			.filter(Objects::nonNull)
			.filter(entry -> !entry.due().isAfter(now))
			.toList();
	}

	/** Forgets an entry that was handled, or that its plan has moved past. */
	public void done(Entry entry) {
		this.index
			.done(new MinuteIndex.Noted(Entry.key(entry.bookingId(), entry.due(), entry.revision()), entry.minute()));
	}

	/**
	 * Forgets an entry handled as soon as its plan was written, when only its due time
	 * and revision are known: it was noted under the minute of now or of its due time,
	 * whichever is later.
	 */
	public void done(String bookingId, Instant due, long revision, Instant now) {
		done(new Entry(bookingId, due, revision, MinuteIndex.minuteOf(due.isBefore(now) ? now : due)));
	}

	/** Removes passed minutes with nothing left in them. */
	public void tidy(Instant now) {
		this.index.tidy(now, LATE_WRITES);
	}

	boolean keeps(long minute) {
		return this.index.keeps(minute);
	}

	/**
	 * A plan needing a sender.
	 *
	 * @param bookingId the plan
	 * @param due its next due time when the entry was noted
	 * @param revision the plan revision that set it
	 * @param minute the minute the entry was noted under
	 */
	public record Entry(String bookingId, Instant due, long revision, long minute) {

		static String key(String bookingId, Instant due, long revision) {
			return bookingId + "|" + due.toEpochMilli() + "|" + revision;
		}

		/** Whether the plan write that noted this entry would have happened long ago. */
		public boolean longPast(Instant now) {
			return MinuteIndex.endOf(this.minute).plus(LATE_WRITES).isBefore(now);
		}

		static @Nullable Entry parse(MinuteIndex.Noted noted) {
			String key = noted.entry();
			int second = key.lastIndexOf('|');
			int first = key.lastIndexOf('|', second - 1);
			if (first < 0) {
				return null;
			}
			return new Entry(key.substring(0, first),
					Instant.ofEpochMilli(Long.parseLong(key.substring(first + 1, second))),
					Long.parseLong(key.substring(second + 1)), noted.minute());
		}

	}

}
