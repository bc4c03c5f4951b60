package dev.medspa.support.outbox;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One change of a versioned document with an embedded outbox, as one atomic update: it
 * matches only the version the change was decided on, sets the new state and appends the
 * change's event to the outbox, leaving the events still pending there untouched. A
 * property that became null is removed, so the stored state is the new state.
 */
public final class VersionedWrites {

	private final MongoTemplate mongo;

	public VersionedWrites(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * @param next the new state, a mapped entity whose version is already raised
	 * @param event the event of this change, or null for a change that tells nobody
	 * @return false if the stored version was no longer {@code expectedVersion}: nothing
	 * changed
	 */
	public boolean update(Object id, long expectedVersion, Object next, @Nullable OutboxMessage event) {
		return update(id, "version", expectedVersion, next,
				(event == null) ? java.util.List.of() : java.util.List.of(event));
	}

	/**
	 * The same for a document whose version field has another name, with any number of
	 * events.
	 * @param versionField the field compared with {@code expectedVersion}
	 * @param events the events of this change, in order; none for a change that tells
	 * nobody
	 * @return false if the stored version was no longer {@code expectedVersion}: nothing
	 * changed
	 */
	public boolean update(Object id, String versionField, long expectedVersion, Object next,
			java.util.List<OutboxMessage> events) {
		Document state = new Document();
		this.mongo.getConverter().write(next, state);
		state.remove("_id");
		state.remove("_class");
		state.remove(OutboxCollection.FIELD);
		Update update = new Update();
		state.forEach(update::set);
		// the converter leaves null properties out; a property that became null is
		// cleared
		this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(next.getClass())
			.doWithProperties(
					(org.springframework.data.mapping.PropertyHandler<org.springframework.data.mongodb.core.mapping.MongoPersistentProperty>) property -> {
						if (!property.isIdProperty() && !state.containsKey(property.getFieldName())
								&& !OutboxCollection.FIELD.equals(property.getFieldName())) {
							update.unset(property.getFieldName());
						}
					});
		if (!events.isEmpty()) {
			Object[] pending = events.stream().map(event -> {
				Document message = new Document();
				this.mongo.getConverter().write(event, message);
				message.remove("_class");
				return message;
			}).toArray();
			update.push(OutboxCollection.FIELD).each(pending);
		}
		Object replaced = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(id).and(versionField).is(expectedVersion)), update,
				next.getClass());
		return replaced != null;
	}

}
