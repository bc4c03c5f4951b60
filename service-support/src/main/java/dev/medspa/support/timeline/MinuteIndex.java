package dev.medspa.support.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Entries noted under the minute they fall in, found again by {@code _id} alone: the cost
 * of reading what is due follows how much is due, not how much is stored, on the local
 * store (which ignores secondary indexes) as on a sharded MongoDB (which routes every
 * read by key).
 * <p>
 * Four levels of small documents in one collection: {@code days} lists the days that have
 * something noted, {@code day:<n>} the minutes of that day that do, {@code minute:<n>}
 * the pages of that minute that do, and {@code minute:<n>:
 *
<p>
 * } the entries of one page. An entry's page follows from its hash, so a minute's entries
 * are shared out over {@value #PAGES} documents: a busy minute (thousands of bookings, a
 * burst of reminders) never makes one large document that every writer rewrites in turn.
 * A writer notes the levels top down, so every entry is reachable once its write returns.
 * Readers remove entries they are done with; {@link #tidy} removes a page, then a minute,
 * once it is empty and older than the grace it is given, so a writer that chose a minute
 * just before it passed is still read.
 */
public final class MinuteIndex {

	private static final String DAYS = "days";

	private static final long MINUTES_A_DAY = 1440;

	private static final int REMEMBERED = 4096;

	/** How many documents a minute's entries are shared out over. */
	public static final int PAGES = 16;

	private static final String PAGE = "page:";

	private final MongoTemplate mongo;

	private final String collection;

	/**
	 * The minutes, and the pages of minutes, this instance has noted something under:
	 * their upper levels need no second write. Entries fall in a few minutes at a time
	 * (now, a lease's end, the next reminder), so remembering only the last one would
	 * write the levels again and again.
	 */
	private final Set<String> noted = ConcurrentHashMap.newKeySet();

	/**
	 * @param collection where the index lives, one collection per index
	 */
	public MinuteIndex(MongoTemplate mongo, String collection) {
		this.mongo = mongo;
		this.collection = collection;
	}

	/** Notes an entry under the minute of {@code at}. */
	public void note(String entry, Instant at) {
		long minute = minuteOf(at);
		int page = pageOf(entry);
		if (this.noted.size() >= REMEMBERED) {
			this.noted.clear();
		}
		if (!this.noted.contains(Long.toString(minute))) {
			long day = Math.floorDiv(minute, MINUTES_A_DAY);
			add(DAYS, Long.toString(day));
			add("day:" + day, Long.toString(minute));
			this.noted.add(Long.toString(minute));
		}
		if (!this.noted.contains(pageId(minute, page))) {
			add("minute:" + minute, PAGE + page);
			this.noted.add(pageId(minute, page));
		}
		add(pageId(minute, page), entry);
	}

	/**
	 * The entries of every minute up to the one of {@code until}, the oldest minute
	 * first.
	 * @param limit how many entries to return at most
	 */
	public List<Noted> upTo(Instant until, int limit) {
		long last = minuteOf(until);
		List<Noted> found = new ArrayList<>();
		for (long day : numbers(DAYS)) {
			if (day * MINUTES_A_DAY > last) {
				continue;
			}
			for (long minute : numbers("day:" + day)) {
				if (minute > last) {
					continue;
				}
				for (String page : pages(minute)) {
					for (String entry : entries(page)) {
						found.add(new Noted(entry, minute));
						if (found.size() >= limit) {
							return found;
						}
					}
				}
			}
		}
		return found;
	}

	/** Forgets an entry. */
	public void done(Noted noted) {
		remove(pageId(noted.minute(), pageOf(noted.entry())), noted.entry());
	}

	/**
	 * Removes the pages and minutes that ended more than {@code grace} before {@code now}
	 * with nothing left in them, and the days left without minutes.
	 */
	public void tidy(Instant now, Duration grace) {
		long before = minuteOf(now.minus(grace)) - 1;
		for (long day : numbers(DAYS)) {
			if (day * MINUTES_A_DAY > before) {
				continue;
			}
			for (long minute : numbers("day:" + day)) {
				if (minute >= before) {
					continue;
				}
				for (String page : pages(minute)) {
					if (removedOrGone(page)) {
						this.noted.remove(page);
						remove("minute:" + minute, PAGE + page.substring(page.lastIndexOf(':') + 1));
					}
				}
				if (removedOrGone("minute:" + minute)) {
					this.noted.remove(Long.toString(minute));
					remove("day:" + day, Long.toString(minute));
				}
			}
			if ((day + 1) * MINUTES_A_DAY <= before && this.mongo.findAndRemove(
					Query.query(Criteria.where("_id").is("day:" + day).and("entries").size(0)), Level.class,
					this.collection) != null) {
				remove(DAYS, Long.toString(day));
			}
		}
	}

	/** Whether a document was empty and is removed now, or was removed before. */
	private boolean removedOrGone(String id) {
		return this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(id).and("entries").size(0)), Level.class,
				this.collection) != null || this.mongo.findById(id, Level.class, this.collection) == null;
	}

	/**
	 * The ids of a minute's pages. Entries that an index written before pages existed
	 * kept in the minute itself are moved to their pages first.
	 */
	private List<String> pages(long minute) {
		Set<Integer> pages = new LinkedHashSet<>();
		List<String> earlier = new ArrayList<>();
		for (String listed : entries("minute:" + minute)) {
			if (listed.startsWith(PAGE)) {
				pages.add(Integer.valueOf(listed.substring(PAGE.length())));
			}
			else {
				earlier.add(listed);
			}
		}
		for (String entry : earlier) {
			int page = pageOf(entry);
			if (pages.add(page)) {
				add("minute:" + minute, PAGE + page);
			}
			add(pageId(minute, page), entry);
			remove("minute:" + minute, entry);
		}
		return pages.stream().map(page -> pageId(minute, page)).toList();
	}

	private static String pageId(long minute, int page) {
		return "minute:" + minute + ":" + page;
	}

	private static int pageOf(String entry) {
		return Math.floorMod(entry.hashCode(), PAGES);
	}

	/** Whether a minute is still kept; for tests. */
	public boolean keeps(long minute) {
		return this.mongo.findById("minute:" + minute, Level.class, this.collection) != null;
	}

	/** When a minute (since the epoch) ends. */
	public static Instant endOf(long minute) {
		return Instant.ofEpochSecond((minute + 1) * 60);
	}

	public static long minuteOf(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), 60);
	}

	private void add(String id, String value) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().addToSet("entries", value),
				Level.class, this.collection);
	}

	private void remove(String id, String value) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull("entries", value),
				Level.class, this.collection);
	}

	private List<String> entries(String id) {
		Level level = this.mongo.findById(id, Level.class, this.collection);
		return level == null || level.entries() == null ? List.of() : level.entries();
	}

	private List<Long> numbers(String id) {
		return entries(id).stream().map(Long::valueOf).sorted(Comparator.naturalOrder()).toList();
	}

	/** One document of the index. */
	record Level(@Id String id, @Nullable List<String> entries) {
	}

	/**
	 * An entry as found.
	 *
	 * @param entry what was noted
	 * @param minute the minute it was noted under, in minutes since the epoch
	 */
	public record Noted(String entry, long minute) {

	}

}
