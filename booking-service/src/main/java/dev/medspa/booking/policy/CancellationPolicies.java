package dev.medspa.booking.policy;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Stores policies, read by {@code _id} only; a new version is a compare-and-set on the
 * number of the newest, so two concurrent changes never make the same version.
 */
@Repository
public class CancellationPolicies {

	private final MongoTemplate mongo;

	CancellationPolicies(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<CancellationPolicy> byId(String id) {
		return Optional.ofNullable(this.mongo.findById(id, CancellationPolicy.class));
	}

	/** Stores the first version, unless the policy exists already. */
	boolean insertFirst(CancellationPolicy policy) {
		try {
			this.mongo.insert(policy);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Stores the next version if the policy is still at the one it was made from. */
	boolean replace(CancellationPolicy next) {
		Query query = Query.query(Criteria.where("_id").is(next.id()).and("current").is(next.current() - 1));
		return this.mongo.findAndReplace(query, next) != null;
	}

}
