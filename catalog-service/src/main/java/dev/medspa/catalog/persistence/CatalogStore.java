package dev.medspa.catalog.persistence;

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
import org.springframework.stereotype.Component;

/**
 * Stores catalog entities. A new entity is one insert; a change is one update that
 * matches only the version the change was made from (compare-and-set), sets the new state
 * and appends its event to the outbox. A change made from an old version, by a second
 * manager or a retry, changes nothing and is refused as stale.
 */
@Component
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

	public <T> Optional<T> findOne(Criteria criteria, Class<T> type) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(criteria), type));
	}

	public boolean exists(String id, Class<?> type) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), type);
	}

	public <T> Page<T> page(Criteria criteria, Pageable pageable, Class<T> type) {
		Query query = Query.query(criteria).with(pageable);
		List<T> content = this.mongo.find(query, type);
		long total = this.mongo.count(Query.query(criteria), type);
		return new PageImpl<>(content, pageable, total);
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
