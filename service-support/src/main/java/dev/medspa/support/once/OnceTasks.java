package dev.medspa.support.once;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Runs a task once per database: a marker in {@code done_once} says it ran. A start cut
 * short before the marker runs it again, so a task must be safe to repeat (noting what is
 * noted changes nothing).
 */
public final class OnceTasks {

	private final MongoTemplate mongo;

	private final Clock clock;

	public OnceTasks(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Whether the task has run. */
	public boolean done(String task) {
		return this.mongo.findById(task, Done.class) != null;
	}

	/**
	 * Runs the task unless it has run.
	 * @return whether it ran now
	 */
	public boolean runOnce(String task, Runnable work) {
		if (done(task)) {
			return false;
		}
		work.run();
		this.mongo.save(new Done(task, this.clock.instant()));
		return true;
	}

	/** A one-time task of this database that has run. */
	@Document("done_once")
	record Done(@Id String id, Instant at) {
	}

}
