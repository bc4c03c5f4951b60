package dev.medspa.support.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.medspa.support.Refusal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Fixed-window counters, one document per limit, key and window. Taking one raises the
 * count by one in a single atomic upsert found by {@code _id} alone, and the take is
 * refused when the count it raised is over the limit: each taker gets its own count, so
 * no more than the limit are let through however many instances count at once. Keys are
 * stored as hashes: no e-mail address, phone number or client address is kept in a
 * counter.
 */
public class Limits {

	private final MongoTemplate mongo;

	private final Clock clock;

	public Limits(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Counts one more for a key, or refuses with 429 and when to try again.
	 * @param name what is limited, such as {@code bookings-per-email}
	 * @param key whom it is counted for: an e-mail address, a phone number, a client
	 * address, a booking id
	 * @param limit how many a window allows; 0 or less turns the limit off
	 * @param window the length of a window, counted from the epoch
	 * @param what what the client is told they did too often, such as "bookings with this
	 * e-mail address"
	 */
	public void take(String name, String key, int limit, Duration window, String what) {
		if (limit <= 0) {
			return;
		}
		Instant now = this.clock.instant();
		Window counted = new Window(new Take(name, key, limit, window, what), now);
		Counter counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(counted.id())),
				counted.increment(), FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class);
		if (counter != null && counter.count() > limit) {
			throw counted.refusal(now);
		}
	}

	/** One count to take: what is limited, for whom, how many a window allows. */
	public record Take(String name, String key, int limit, Duration window, String what) {
	}

	/**
	 * Takes several counts in two round trips to the store, however many: all are raised,
	 * then read; the first that is over its limit refuses with 429. When many take at
	 * once, one may read a count raised after its own and be refused although its own was
	 * within the limit; none is ever let through over it.
	 */
	public void take(List<Take> takes) {
		Instant now = this.clock.instant();
		List<Window> counted = takes.stream()
			.filter(take -> take.limit() > 0)
			.map(take -> new Window(take, now))
			.toList();
		if (counted.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Counter.class);
		counted.forEach(window -> bulk.upsert(Query.query(Criteria.where("_id").is(window.id())), window.increment()));
		bulk.execute();
		Map<String, Integer> counts = new HashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(counted.stream().map(Window::id).toList())), Counter.class)
			.forEach(counter -> counts.put(counter.id(), counter.count()));
		for (Window window : counted) {
			if (counts.getOrDefault(window.id(), 0) > window.take().limit()) {
				throw window.refusal(now);
			}
		}
	}

	/** A take's counter in the window of now. */
	private record Window(Take take, long index) {

		Window(Take take, Instant now) {
			this(take, now.toEpochMilli() / take.window().toMillis());
		}

		String id() {
			return this.take.name() + "|" + hash(this.take.key()) + "|" + this.index;
		}

		Instant end() {
			return Instant.ofEpochMilli((this.index + 1) * this.take.window().toMillis());
		}

		Update increment() {
			return new Update().inc("count", 1).setOnInsert("expiresAt", end());
		}

		Refusal refusal(Instant now) {
			return Refusal.tooMany("Too many " + this.take.what() + "; please try again later",
					Duration.between(now, end()));
		}

	}

	/** Forgets counters whose window has passed, every ten minutes. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	public void forgetPast() {
		this.mongo.remove(Query.query(Criteria.where("expiresAt").lt(this.clock.instant())), Counter.class);
	}

	private static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(key.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param expiresAt the end of the window; real MongoDB may drop it by a TTL index,
	 * the limit does not depend on it
	 */
	@Document("rate_counters")
	record Counter(@Id String id, int count, @Indexed(expireAfter = "0s") Instant expiresAt) {
	}

}
