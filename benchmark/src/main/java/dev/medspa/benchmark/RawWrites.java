package dev.medspa.benchmark;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * The booking floor: the single-document compare-and-set a claim is made of, sent through
 * the MongoDB Java driver to the same store, at the same concurrency. Each client moves
 * its own document from the version it read to the next one, so the floor has no
 * conflicts and nothing else to do.
 */
final class RawWrites implements AutoCloseable {

	private final MongoClient client;

	private final MongoCollection<Document> documents;

	private final AtomicInteger runs = new AtomicInteger();

	RawWrites(String connectionString) {
		this.client = MongoClients.create(connectionString + "/?maxPoolSize=64");
		this.documents = this.client.getDatabase("benchmark-floor").getCollection("claims");
	}

	ClosedLoop.Result measure(int clients, Duration duration) {
		String run = "run" + this.runs.incrementAndGet();
		AtomicInteger nextClient = new AtomicInteger();
		ThreadLocal<long[]> versions = ThreadLocal.withInitial(() -> new long[] { -1, 0 });
		return ClosedLoop.run(clients, duration, Long.MAX_VALUE, () -> {
			long[] state = versions.get();
			if (state[0] < 0) {
				state[0] = nextClient.getAndIncrement();
				this.documents.insertOne(new Document("_id", run + "-" + state[0]).append("version", 0L));
			}
			long started = System.nanoTime();
			Document written = this.documents.findOneAndUpdate(
					Filters.and(Filters.eq("_id", run + "-" + state[0]), Filters.eq("version", state[1])),
					Updates.combine(Updates.set("version", state[1] + 1), Updates.set("claimedAt", started)),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
			long nanos = System.nanoTime() - started;
			if (written == null) {
				return -1;
			}
			state[1]++;
			return nanos;
		});
	}

	@Override
	public void close() {
		this.client.close();
	}

}
