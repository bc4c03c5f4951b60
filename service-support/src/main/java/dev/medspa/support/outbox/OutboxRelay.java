package dev.medspa.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.medspa.events.EventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the embedded outboxes to Kafka. After a change, the service asks for its
 * document to be published at once; a sweep also looks for anything left pending (after a
 * crash, a restart or a broker outage) every {@code sweepInterval}. A message leaves the
 * outbox only after the broker acknowledged it, so a crash at any point delays an event
 * but never loses it; it may publish one twice, which consumers recognise by event id.
 * One thread does all the work, so the messages of one document go out in order.
 */
public class OutboxRelay implements OutboxTrigger, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final List<OutboxCollection> collections;

	private final String source;

	private final Duration sweepInterval;

	private volatile ScheduledExecutorService executor;

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxCollection> collections,
			String source, Duration sweepInterval) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.collections = List.copyOf(collections);
		this.source = source;
		this.sweepInterval = sweepInterval;
	}

	/** Publishes the outbox of one document soon, without waiting for it. */
	@Override
	public void publishSoon(String collection, Object id) {
		ScheduledExecutorService current = this.executor;
		if (current != null) {
			current.execute(() -> publishQuietly(collection, id));
		}
	}

	/**
	 * Publishes every pending message of every registered collection, now, on the
	 * caller's thread.
	 */
	public void sweep() {
		for (OutboxCollection collection : this.collections) {
			MongoCollection<Document> documents = this.mongo.getCollection(collection.name());
			for (Document document : documents.find(Filters.exists(OutboxCollection.FIELD + ".0"))
				.projection(Projections.include("_id"))) {
				publishQuietly(collection.name(), document.get("_id"));
			}
		}
	}

	/**
	 * Publishes the pending messages of one document, in order, removing each once the
	 * broker has it.
	 * @return how many were published
	 */
	int publish(String collection, Object id) throws ExecutionException, InterruptedException, TimeoutException {
		MongoCollection<Document> documents = this.mongo.getCollection(collection);
		Document holder = documents.find(Filters.eq("_id", id))
			.projection(Projections.include(OutboxCollection.FIELD))
			.first();
		if (holder == null) {
			return 0;
		}
		List<Document> pending = holder.getList(OutboxCollection.FIELD, Document.class, List.of());
		for (Document message : pending) {
			String eventId = message.getString("eventId");
			this.kafka.send(toRecord(message)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			documents.updateOne(Filters.eq("_id", id),
					Updates.pull(OutboxCollection.FIELD, Filters.eq("eventId", eventId)));
		}
		return pending.size();
	}

	private void publishQuietly(String collection, Object id) {
		try {
			publish(collection, id);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.warn("Outbox of {} {} not published yet, the sweep tries again: {}", collection, id, ex.toString());
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
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::sweepQuietly, 0, this.sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	private void sweepQuietly() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox sweep failed, trying again in {}: {}", this.sweepInterval, ex.toString());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdown();
			try {
				current.awaitTermination(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
