package dev.medspa.notification.preferences;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.medspa.notification.config.NotificationProperties;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * A client's opt-out of optional messages. The unsubscribe token is a keyed hash of the
 * client's e-mail address: stable, so every link of one client works, and unguessable
 * without the key, so nobody can unsubscribe somebody else.
 */
@Repository
public class ContactPreferences {

	private final MongoTemplate mongo;

	private final Clock clock;

	private final SecretKeySpec key;

	private final dev.medspa.support.audit.AuditTrail audit;

	ContactPreferences(MongoTemplate mongo, Clock clock, NotificationProperties properties,
			dev.medspa.support.audit.AuditTrail audit) {
		this.audit = audit;
		this.mongo = mongo;
		this.clock = clock;
		this.key = new SecretKeySpec(properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** The client's token, remembered so that the link can be followed later. */
	public String tokenFor(String normalizedEmail) {
		String token = token(normalizedEmail);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(token)),
				new Update().setOnInsert("email", normalizedEmail), ContactPreference.class);
		return token;
	}

	public boolean optedOut(String normalizedEmail) {
		ContactPreference preference = this.mongo.findById(token(normalizedEmail), ContactPreference.class);
		return preference != null && preference.optedOut();
	}

	/**
	 * Records an opt-out of optional messages.
	 * @return the preference after opting out, or empty for an unknown token
	 */
	public Optional<ContactPreference> optOut(String token) {
		ContactPreference current = this.mongo.findById(token, ContactPreference.class);
		if (current == null || current.optedOut()) {
			return Optional.ofNullable(current);
		}
		return Optional.ofNullable(this.mongo.findAndModify(Query.query(Criteria.where("_id").is(token)),
				new Update().set("optedOutAt", this.clock.instant()), FindAndModifyOptions.options().returnNew(true),
				ContactPreference.class));
	}

	/**
	 * A client's data is erased: their preference goes (an opt-out with it; an erased
	 * client receives nothing any more anyway), recorded in the audit log.
	 */
	@org.springframework.context.event.EventListener
	void forget(dev.medspa.notification.plan.ClientErased erased) {
		boolean removed = this.mongo.findAndRemove(
				Query.query(Criteria.where("_id").is(token(erased.normalizedEmail()))),
				ContactPreference.class) != null;
		this.audit.record(this.clock.instant(), "system", java.util.List.of(), "erase client data",
				"/bookings/" + erased.bookingId(), 200, "-",
				"plan scrubbed" + (removed ? ", contact preference removed" : ""));
	}

	public Optional<ContactPreference> find(String token) {
		return Optional.ofNullable(this.mongo.findById(token, ContactPreference.class));
	}

	private String token(String normalizedEmail) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(normalizedEmail.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
