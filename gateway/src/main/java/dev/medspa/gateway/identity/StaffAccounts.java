package dev.medspa.gateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.medspa.support.security.StaffRole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Staff accounts in the gateway's own database, each one document keyed by e-mail, so
 * every sign-in is a lookup by {@code _id} and every counter change one atomic update.
 */
@Component
public class StaffAccounts {

	private final MongoTemplate mongo;

	StaffAccounts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<StaffAccount> byEmail(String email) {
		return Optional.ofNullable(this.mongo.findById(StaffAccount.normalise(email), StaffAccount.class));
	}

	/** Every account, by name; a chain has tens or hundreds of staff, not millions. */
	public List<StaffAccount> all() {
		return this.mongo.findAll(StaffAccount.class)
			.stream()
			.sorted(Comparator.comparing(StaffAccount::displayName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	public boolean any() {
		return this.mongo.exists(new Query(), StaffAccount.class);
	}

	/** Stores a new account; false if one with that e-mail exists already. */
	public boolean create(StaffAccount account) {
		try {
			this.mongo.insert(account);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	public void setAccess(String email, String displayName, Set<StaffRole> roles, Set<String> locations,
			boolean enabled) {
		this.mongo.updateFirst(byId(email),
				new Update().set("displayName", displayName)
					.set("roles", roles)
					.set("locations", locations)
					.set("enabled", enabled),
				StaffAccount.class);
	}

	public void setPasswordHash(String email, String passwordHash) {
		this.mongo.updateFirst(byId(email), new Update().set("passwordHash", passwordHash), StaffAccount.class);
	}

	/**
	 * Counts a wrong password; the one that reaches {@code limit} locks the account for
	 * {@code lockFor}. One atomic update, so parallel attempts all count.
	 */
	public void failedSignIn(String email, int limit, Duration lockFor, Instant now) {
		StaffAccount counted = this.mongo.findAndModify(byId(email), new Update().inc("failedSignIns", 1),
				FindAndModifyOptions.options().returnNew(true), StaffAccount.class);
		if (counted != null && counted.failedSignIns() >= limit) {
			this.mongo.updateFirst(byId(email),
					new Update().set("lockedUntil", now.plus(lockFor)).set("failedSignIns", 0), StaffAccount.class);
		}
	}

	public void succeededSignIn(String email) {
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(StaffAccount.normalise(email)).and("failedSignIns").gt(0)),
				new Update().set("failedSignIns", 0), StaffAccount.class);
	}

	private static Query byId(String email) {
		return Query.query(Criteria.where("_id").is(StaffAccount.normalise(email)));
	}

}
