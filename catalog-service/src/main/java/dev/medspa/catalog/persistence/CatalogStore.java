package dev.medspa.catalog.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.medspa.catalog.Versioned;
import dev.medspa.support.Refusal;
import dev.medspa.support.outbox.OutboxMessage;
import dev.medspa.support.outbox.OutboxTrigger;
import dev.medspa.support.outbox.VersionedWrites;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Stores catalog entities. A new entity is one insert; a change is one update that
 * matches only the version the change was made from (compare-and-set), sets the new state
 * and appends its event to the outbox. A change made from an old version, by a second
 * manager or a retry, changes nothing and is refused as stale.
 */
@Repository
public class CatalogStore {

	private final MongoTemplate mongo;

	private final OutboxTrigger outbox;

	private final VersionedWrites writes;

	CatalogStore(MongoTemplate mongo, OutboxTrigger outbox, VersionedWrites writes) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.writes = writes;
	}

	public <T> Optional<T> find(String id, Class<T> type) {
		return Optional.ofNullable(this.mongo.findById(id, type));
	}

	/** The one entry whose unique field has this value. */
	public <T> Optional<T> findUnique(String uniqueField, String value, Class<T> type) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(Criteria.where(uniqueField).is(value)), type));
	}

	public boolean exists(String id, Class<?> type) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), type);
	}

	public <T> Page<T> page(Filter filter, Pageable pageable, Class<T> type) {
		Criteria criteria = filter.criteria();
		Query query = Query.query(criteria).with(pageable);
		List<T> content = this.mongo.find(query, type);
		long total = this.mongo.count(Query.query(criteria), type);
		return new PageImpl<>(content, pageable, total);
	}

	/**
	 * Stores an entity unless one with its id or unique field exists.
	 * @return whether it was stored
	 */
	public boolean insertIfAbsent(Versioned entity) {
		try {
			this.mongo.insert(entity);
			this.outbox.publishSoon(this.mongo.getCollectionName(entity.getClass()), entity.id());
			return true;
		}
		catch (DuplicateKeyException exists) {
			return false;
		}
	}

	/**
	 * Which entries a listing wants: fields that must have a value, or one of several;
	 * the store turns it into its query, so the catalog's features need no query classes.
	 */
	public static final class Filter {

		private final Criteria criteria;

		private Filter(Criteria criteria) {
			this.criteria = criteria;
		}

		/** Every entry, retired ones too. */
		public static Filter all() {
			return new Filter(new Criteria());
		}

		/** The entries not retired. */
		public static Filter active() {
			return new Filter(Criteria.where("active").is(true));
		}

		/** Also: the field has this value (or, for a list field, holds it). */
		public Filter with(String field, Object value) {
			this.criteria.and(field).is(value);
			return this;
		}

		/** Also: the field has one of these values. */
		public Filter withAnyOf(String field, Collection<?> values) {
			this.criteria.and(field).in(values);
			return this;
		}

		Criteria criteria() {
			return this.criteria;
		}

	}

	/**
	 * @throws Refusal 409 if an entity with the same id or unique field exists
	 */
	public <T extends Versioned> T insert(T entity, String uniqueField) {
		try {
			T stored = this.mongo.insert(entity);
			this.outbox.publishSoon(this.mongo.getCollectionName(entity.getClass()), entity.id());
			return stored;
		}
		catch (DuplicateKeyException ex) {
			throw Refusal.conflict("already-exists", "Already exists", uniqueField,
					"Another entry already uses this " + uniqueField);
		}
	}

	/**
	 * Replaces {@code current} by {@code next} if {@code current} is still the stored
	 * version.
	 * @throws Refusal 412 if the stored version moved on
	 */
	public <T extends Versioned> T update(T current, T next, String uniqueField) {
		List<OutboxMessage> pending = next.outbox();
		try {
			if (!this.writes.update(current.id(), current.version(), next, pending.get(pending.size() - 1))) {
				long stored = find(current.id(), next.getClass()).map(v -> ((Versioned) v).version()).orElse(-1L);
				throw Refusal.stale("It", stored);
			}
		}
		catch (DuplicateKeyException ex) {
			throw Refusal.conflict("already-exists", "Already exists", uniqueField,
					"Another entry already uses this " + uniqueField);
		}
		String collection = this.mongo.getCollectionName(next.getClass());
		this.outbox.publishSoon(collection, next.id());
		return next;
	}

}
