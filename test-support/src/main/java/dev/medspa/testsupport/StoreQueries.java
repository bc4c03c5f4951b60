package dev.medspa.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * Watches what a service asks its store, to prove a path reads and writes by {@code _id}
 * only: such a path costs the same however much is stored, where the local store (which
 * ignores secondary indexes) and a sharded MongoDB (which broadcasts to every shard) pay
 * a query by any other field with work that grows with the data. Register
 * {@link #customizer()} as a bean, then look at what {@link #during(Runnable)} saw.
 */
public final class StoreQueries implements CommandListener {

	private static final Set<String> BY_KEY_OPERATORS = Set.of("$eq", "$in");

	private final List<Query> seen = new CopyOnWriteArrayList<>();

	private volatile boolean watching;

	public MongoClientSettingsBuilderCustomizer customizer() {
		return settings -> settings.addCommandListener(this);
	}

	/** What the store was asked while the action ran, from any thread. */
	public List<Query> during(Runnable action) {
		this.seen.clear();
		this.watching = true;
		try {
			action.run();
		}
		finally {
			this.watching = false;
		}
		return List.copyOf(this.seen);
	}

	/** Of those, the queries that select by something other than {@code _id}. */
	public static List<Query> scans(List<Query> queries) {
		return queries.stream().filter(query -> !query.byId()).toList();
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (!this.watching) {
			return;
		}
		BsonDocument command = event.getCommand();
		String name = event.getCommandName();
		switch (name) {
			case "find" -> add(name, command.getString("find").getValue(), command.get("filter"));
			case "findAndModify" -> add(name, command.getString("findAndModify").getValue(), command.get("query"));
			case "update" -> each(command.getArray("updates", new BsonArray()))
				.forEach(update -> add(name, command.getString("update").getValue(), update.get("q")));
			case "delete" -> each(command.getArray("deletes", new BsonArray()))
				.forEach(delete -> add(name, command.getString("delete").getValue(), delete.get("q")));
			case "aggregate", "count", "distinct" -> add(name, String.valueOf(command.get(name)), null);
			default -> {
			}
		}
	}

	private void add(String command, String collection, BsonValue filter) {
		this.seen.add(new Query(command, collection,
				filter != null && filter.isDocument() ? copy(filter.asDocument()) : new BsonDocument()));
	}

	/** The driver's command is only readable while it is being started. */
	private static BsonDocument copy(BsonDocument document) {
		return BsonDocument.parse(document.toJson());
	}

	private static List<BsonDocument> each(BsonArray array) {
		List<BsonDocument> documents = new ArrayList<>();
		array.forEach(value -> documents.add(value.asDocument()));
		return documents;
	}

	/**
	 * One question to the store.
	 *
	 * @param command find, update, delete, findAndModify, aggregate...
	 * @param collection where
	 * @param filter what selects the documents; empty selects all of them
	 */
	public record Query(String command, String collection, BsonDocument filter) {

		/** Whether it selects by {@code _id}: one value, or a list of them. */
		public boolean byId() {
			BsonValue id = this.filter.get("_id");
			if (id == null) {
				return false;
			}
			return !id.isDocument() || BY_KEY_OPERATORS.containsAll(id.asDocument().keySet());
		}

		@Override
		public String toString() {
			return this.command + " " + this.collection + " " + this.filter.toJson();
		}

	}

}
