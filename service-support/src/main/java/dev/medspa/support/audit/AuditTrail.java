package dev.medspa.support.audit;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A service's audit log, in its own database: entries are inserted and read, never
 * updated or deleted (there is no code here or anywhere that would).
 */
public class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	/** The most entries one read answers. */
	public static final int MAX_READ = 500;

	private final MongoTemplate mongo;

	private final String service;

	public AuditTrail(MongoTemplate mongo, String service) {
		this.mongo = mongo;
		this.service = service;
	}

	public String service() {
		return this.service;
	}

	/**
	 * Appends an entry. A failure is logged and not thrown: the action has happened and
	 * its answer is owed; the log line says what could not be recorded.
	 */
	public void record(Instant at, String actor, List<String> roles, String action, String target, int status,
			String address, @Nullable String reason) {
		AuditEntry entry = new AuditEntry(java.util.UUID.randomUUID().toString(), at, this.service, actor, roles,
				action, target, status, address, reason);
		try {
			this.mongo.insert(entry);
		}
		catch (RuntimeException ex) {
			log.error("Audit entry not recorded: {} {} by {} at {} ({})", action, target, actor, at, ex.toString());
		}
	}

	/**
	 * The newest entries first.
	 * @param actor only this actor's, if given
	 * @param target only entries whose target contains this text (a booking's id, a
	 * location), if given
	 */
	public List<AuditEntry> find(@Nullable String actor, @Nullable String target, @Nullable Instant from,
			@Nullable Instant to, int limit) {
		Criteria criteria = new Criteria();
		if (actor != null && !actor.isBlank()) {
			criteria.and("actor").is(actor.strip());
		}
		if (target != null && !target.isBlank()) {
			criteria.and("target").regex(Pattern.quote(target.strip()));
		}
		if (from != null || to != null) {
			Criteria at = criteria.and("at");
			if (from != null) {
				at.gte(from);
			}
			if (to != null) {
				at.lt(to);
			}
		}
		return this.mongo.find(Query.query(criteria)
			.with(Sort.by(Sort.Direction.DESC, "at"))
			.limit(Math.max(1, Math.min(limit, MAX_READ))), AuditEntry.class);
	}

}
