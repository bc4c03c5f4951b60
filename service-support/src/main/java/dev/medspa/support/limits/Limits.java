package dev.medspa.support.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import dev.medspa.support.Refusal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Fixed-window counters, one document per limit, key and window. Taking one is a single
 * conditional upsert: it raises the count only while it is under the limit, and when the
 * window's document is already full the upsert collides with it on its id and the take is
 * refused. So a limit holds however many instances count at once. Keys are stored as
 * hashes: no e-mail address, phone number or client address is kept in a counter.
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
		long index = now.toEpochMilli() / window.toMillis();
		Instant windowEnd = Instant.ofEpochMilli((index + 1) * window.toMillis());
		String id = name + "|" + hash(key) + "|" + index;
		try {
			this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("count").lt(limit)),
					new Update().inc("count", 1).setOnInsert("expiresAt", windowEnd),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class);
		}
		catch (DuplicateKeyException full) {
			Duration retryAfter = Duration.between(now, windowEnd);
			throw Refusal.tooMany("Too many " + what + "; please try again later", retryAfter);
		}
	}

	/** One count to take: what is limited, for whom, how many a window allows. */
	public record Take(String name, String key, int limit, Duration window, String what) {
	}

	/**
	 * Takes several counts in one round trip to the store, in order: the first that is
	 * full refuses with 429, and those after it are not counted, as if each had been
	 * taken in turn with {@link #take}.
	 */
	public void take(List<Take> takes) {
		List<Take> limited = takes.stream().filter(take -> take.limit() > 0).toList();
		if (limited.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.ORDERED, Counter.class);
		for (Take take : limited) {
			long index = now.toEpochMilli() / take.window().toMillis();
			Instant windowEnd = Instant.ofEpochMilli((index + 1) * take.window().toMillis());
			bulk.upsert(Query.query(Criteria.where("_id")
				.is(take.name() + "|" + hash(take.key()) + "|" + index)
				.and("count")
				.lt(take.limit())), new Update().inc("count", 1).setOnInsert("expiresAt", windowEnd));
		}
		try {
			bulk.execute();
		}
		catch (BulkOperationException ex) {
			BulkWriteError first = ex.getErrors().get(0);
			if (first.getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			Take full = limited.get(first.getIndex());
			long index = now.toEpochMilli() / full.window().toMillis();
			Instant windowEnd = Instant.ofEpochMilli((index + 1) * full.window().toMillis());
			throw Refusal.tooMany("Too many " + full.what() + "; please try again later",
					Duration.between(now, windowEnd));
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
