package dev.medspa.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.medspa.events.EventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the embedded outboxes to Kafka. After a change, the service asks for its
 * document to be published at once ({@link #publishSoon}); one relay thread takes
 * whatever documents are waiting, sends all their messages without waiting for each, and
 * then removes from each outbox what the broker acknowledged. A message leaves the outbox
 * only after that, so a crash at any point delays an event but never loses it; it may
 * publish one twice, which consumers recognise by event id. The messages of one document
 * go out in order: they are sent in order on one partition, and a document's next batch
 * starts only after its previous one was acknowledged.
 * <p>
 * Nothing scans the stored documents while the service runs: a document whose publishing
 * failed (a broker outage) gets a marker in {@code outbox_pending}, and the sweep every
 * {@code sweepInterval} reads the markers, so its cost follows the backlog, not the data.
 * Only at start does the relay look through every document once for an outbox left
 * pending, for what a crash left between a write and its publishing.
 */
public class OutboxRelay implements OutboxTrigger, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	/** The markers of documents whose outbox could not be published yet. */
	public static final String PENDING = "outbox_pending";

	private static final int BATCH = 256;

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final List<OutboxCollection> collections;

	private final String source;

	private final Duration sweepInterval;

	private final BlockingQueue<Target> waiting = new LinkedBlockingQueue<>();

	/**
	 * Failed while the store could not take a marker either: tried again by the sweep.
	 */
	private final Set<Target> retry = ConcurrentHashMap.newKeySet();

	private volatile @Nullable Thread worker;

	private final ObservationRegistry observations;

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxCollection> collections,
			String source, Duration sweepInterval) {
		this(mongo, kafka, collections, source, sweepInterval, ObservationRegistry.NOOP);
	}

	/**
	 * @param observations continues the trace of the change that made each event, when it
	 * was traced
	 */
	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxCollection> collections,
			String source, Duration sweepInterval, ObservationRegistry observations) {
		this.observations = observations;
		this.mongo = mongo;
		this.kafka = kafka;
		this.collections = List.copyOf(collections);
		this.source = source;
		this.sweepInterval = sweepInterval;
	}

	/** Publishes the outbox of one document soon, without waiting for it. */
	@Override
	public void publishSoon(String collection, Object id) {
		if (this.worker != null) {
			this.waiting.add(new Target(collection, id));
		}
	}

	/**
	 * Publishes the outbox of one document now, on the caller's thread; marks it for the
	 * sweep if that fails.
	 * @return whether it was published in full
	 */
	public boolean publishNow(String collection, Object id) {
		return !publish(List.of(new Target(collection, id))).isEmpty();
	}

	/**
	 * Publishes the outboxes of every document marked as pending, now, on the caller's
	 * thread, and removes the markers of those published.
	 */
	public void sweep() {
		Set<Target> targets = new LinkedHashSet<>(this.retry);
		this.retry.removeAll(targets);
		for (Document marker : this.mongo.getCollection(PENDING).find()) {
			targets.add(new Target(marker.getString("collection"), marker.get("document")));
		}
		for (Target published : publish(targets)) {
			this.mongo.getCollection(PENDING).deleteOne(Filters.eq("_id", published.markerId()));
			// a change that came meanwhile is published by its own request; this only
			// keeps the marker if it was not
			if (hasPending(published)) {
				mark(published);
			}
		}
	}

	/**
	 * Looks through every document for an outbox left pending, as the start does.
	 * @return how many documents had one
	 */
	public int recover() {
		Set<Target> targets = new LinkedHashSet<>();
		for (OutboxCollection collection : this.collections) {
			for (Document document : this.mongo.getCollection(collection.name())
				.find(Filters.exists(OutboxCollection.FIELD + ".0"))
				.projection(Projections.include("_id"))) {
				targets.add(new Target(collection.name(), document.get("_id")));
			}
		}
		publish(targets);
		return targets.size();
	}

	/**
	 * Sends the pending messages of the documents, all before waiting for any, then
	 * removes from each outbox what the broker acknowledged; a document not fully
	 * published is marked for the sweep.
	 * @return the documents published in full
	 */
	List<Target> publish(Collection<Target> targets) {
		List<Sending> sendings = new ArrayList<>();
		for (Target target : new LinkedHashSet<>(targets)) {
			try {
				sendings.add(send(target));
			}
			catch (RuntimeException ex) {
				failed(target, ex);
			}
		}
		List<Target> published = new ArrayList<>();
		for (Sending sending : sendings) {
			List<String> acknowledged = new ArrayList<>();
			try {
				for (int i = 0; i < sending.eventIds().size(); i++) {
					sending.results().get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
					acknowledged.add(sending.eventIds().get(i));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return published;
			}
			catch (ExecutionException | TimeoutException | RuntimeException ex) {
				failed(sending.target(), ex);
			}
			try {
				if (!acknowledged.isEmpty()) {
					this.mongo.getCollection(sending.target().collection())
						.updateOne(Filters.eq("_id", sending.target().id()),
								Updates.pullByFilter(new Document(OutboxCollection.FIELD,
										new Document("eventId", new Document("$in", acknowledged)))));
				}
				if (acknowledged.size() == sending.eventIds().size()) {
					published.add(sending.target());
				}
			}
			catch (RuntimeException ex) {
				failed(sending.target(), ex);
			}
		}
		return published;
	}

	private Sending send(Target target) {
		Document holder = this.mongo.getCollection(target.collection())
			.find(Filters.eq("_id", target.id()))
			.projection(Projections.include(OutboxCollection.FIELD))
			.first();
		List<Document> pending = holder == null ? List.of()
				: holder.getList(OutboxCollection.FIELD, Document.class, List.of());
		List<String> eventIds = new ArrayList<>();
		List<CompletableFuture<?>> results = new ArrayList<>();
		for (Document message : pending) {
			eventIds.add(message.getString("eventId"));
			results.add(TraceParents.continuing(this.observations, message.getString(TraceParents.HEADER),
					message.getString("type"), () -> this.kafka.send(toRecord(message))));
		}
		return new Sending(target, eventIds, results);
	}

	private boolean hasPending(Target target) {
		return this.mongo.getCollection(target.collection())
			.find(Filters.and(Filters.eq("_id", target.id()), Filters.exists(OutboxCollection.FIELD + ".0")))
			.projection(Projections.include("_id"))
			.first() != null;
	}

	private void failed(Target target, Exception ex) {
		log.warn("Outbox of {} {} not published yet, the sweep tries again: {}", target.collection(), target.id(),
				ex.toString());
		try {
			mark(target);
		}
		catch (RuntimeException markFailed) {
			this.retry.add(target);
		}
	}

	private void mark(Target target) {
		this.mongo.getCollection(PENDING)
			.updateOne(Filters.eq("_id", target.markerId()),
					Updates.combine(Updates.set("collection", target.collection()),
							Updates.set("document", target.id()), Updates.setOnInsert("since", new Date())),
					new UpdateOptions().upsert(true));
	}

	/**
	 * How many documents have messages waiting: those marked for the sweep (a broker
	 * outage shows here) and those asked for but not taken by the relay yet.
	 */
	public long backlog() {
		return this.mongo.getCollection(PENDING).countDocuments() + this.waiting.size() + this.retry.size();
	}

	/** How long the longest-waiting document marked for the sweep has waited. */
	public Duration oldestWaiting() {
		Duration oldest = Duration.ZERO;
		for (Document marker : this.mongo.getCollection(PENDING).find().projection(Projections.include("since"))) {
			Date since = marker.getDate("since");
			if (since != null) {
				Duration waited = Duration.between(since.toInstant(), Instant.now());
				oldest = waited.compareTo(oldest) > 0 ? waited : oldest;
			}
		}
		return oldest;
	}

	/** The relay thread: recovers once, then publishes what is asked for and sweeps. */
	private void work() {
		try {
			int recovered = recover();
			if (recovered > 0) {
				log.info("Published the outboxes {} documents had left pending", recovered);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Looking for outboxes left pending failed: {}", ex.toString());
		}
		long nextSweep = System.nanoTime() + this.sweepInterval.toNanos();
		while (this.worker == Thread.currentThread()) {
			try {
				Target first = this.waiting.poll(Math.max(1, nextSweep - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (first != null) {
					List<Target> batch = new ArrayList<>(List.of(first));
					this.waiting.drainTo(batch, BATCH - 1);
					publish(batch);
				}
				if (System.nanoTime() >= nextSweep) {
					sweep();
					nextSweep = System.nanoTime() + this.sweepInterval.toNanos();
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Outbox relay round failed, trying again: {}", ex.toString());
			}
		}
	}

	private ProducerRecord<String, String> toRecord(Document message) {
		ProducerRecord<String, String> record = new ProducerRecord<>(message.getString("topic"),
				message.getString("key"), message.getString("payload"));
		Object time = message.get("time");
		Instant instant = time instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(time));
		header(record, EventHeaders.ID, message.getString("eventId"));
		header(record, EventHeaders.TYPE, message.getString("type"));
		header(record, EventHeaders.SOURCE, this.source);
		header(record, EventHeaders.TIME, instant.toString());
		header(record, EventHeaders.SPEC_VERSION, EventHeaders.CLOUDEVENTS_SPEC_VERSION);
		header(record, EventHeaders.SUBJECT, message.getString("key"));
		header(record, EventHeaders.SCHEMA_VERSION, String.valueOf(message.get("schemaVersion")));
		header(record, EventHeaders.CONTENT_TYPE, EventHeaders.JSON);
		return record;
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::work, "outbox-relay");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread current = this.worker;
		this.worker = null;
		if (current != null) {
			current.interrupt();
			try {
				current.join(SEND_TIMEOUT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

	/** A document whose outbox is to be published. */
	record Target(String collection, Object id) {

		String markerId() {
			return this.collection + ":" + this.id;
		}

	}

	/** A document's messages on their way, in outbox order. */
	private record Sending(Target target, List<String> eventIds, List<CompletableFuture<?>> results) {
	}

}
