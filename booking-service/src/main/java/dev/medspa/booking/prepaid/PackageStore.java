package dev.medspa.booking.prepaid;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.medspa.support.outbox.OutboxMessage;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.support.outbox.OutboxRelay;
import dev.medspa.support.outbox.VersionedWrites;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Stores offers and bought packages, and finds everything by id: a client's packages
 * through a small list kept under their address, a booking's package through a pointer
 * kept under the booking's id, and unsettled work in a small collection the sweeper reads
 * whole.
 */
@Repository
class PackageStore {

	private static final String CLIENTS = "client_package_index";

	private final MongoTemplate mongo;

	private final VersionedWrites writes;

	private final OutboxMessages messages;

	private final OutboxRelay outbox;

	PackageStore(MongoTemplate mongo, VersionedWrites writes, OutboxMessages messages, OutboxRelay outbox) {
		this.mongo = mongo;
		this.writes = writes;
		this.messages = messages;
		this.outbox = outbox;
	}

	/** The packages bought for one address, by id. */
	record ClientPackages(@Id String email, List<String> packageIds) {
	}

	/** Which package a booking holds a credit of. */
	@Document("package_bookings")
	record Use(@Id String bookingId, String packageId) {
	}

	/**
	 * Work that may have been started and not finished: a purchase sent to the provider
	 * ({@code package:<id>}) or a credit held for a booking being made
	 * ({@code credit:<booking>}).
	 *
	 * @param leaseUntil until then the instance that wrote it works on it; after, the
	 * sweeper may finish it
	 */
	@Document("package_pending")
	record Pending(@Id String key, String packageId, @Nullable String bookingId, Instant leaseUntil) {
	}

	List<PackageOffer> offers() {
		return this.mongo.findAll(PackageOffer.class);
	}

	Optional<PackageOffer> offer(String id) {
		return Optional.ofNullable(this.mongo.findById(id, PackageOffer.class));
	}

	void save(PackageOffer offer) {
		this.mongo.save(offer);
	}

	/** Stores the first offer of this id unless there is one: what demo data does. */
	boolean addIfAbsent(PackageOffer offer) {
		try {
			this.mongo.insert(offer);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	Optional<ClientPackage> byId(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ClientPackage.class));
	}

	/** Stores a new package and lists it under its buyer; false if the id is taken. */
	boolean insert(ClientPackage bought) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(bought.clientEmail())),
				new Update().addToSet("packageIds", bought.id()), CLIENTS);
		try {
			this.mongo.insert(bought);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Stores the next revision if the package is still at the one it was made from, with
	 * its {@code PackagePurchased} in the same write when this revision is the one that
	 * made it paid; the relay then publishes it. Events still waiting in the document are
	 * left as they are, so every change goes through here, never a whole replacement.
	 */
	boolean replace(ClientPackage current, ClientPackage next) {
		List<OutboxMessage> events = next.purchasedSince(current)
			.map(purchased -> this.messages.of(next.id(), purchased, purchased.purchasedAt()))
			.stream()
			.toList();
		boolean stored = this.writes.update(next.id(), "revision", current.revision(), next, events);
		if (stored && !events.isEmpty()) {
			this.outbox.publishSoon(ClientPackage.COLLECTION, next.id());
		}
		return stored;
	}

	/**
	 * Publishes the package's events still waiting in its document now, on this thread,
	 * so that an erasure that follows leaves no payload naming the buyer in the store.
	 * @return false if the broker did not take them all: the relay's sweep sends them
	 * later and only then removes them
	 */
	boolean publishWaiting(String id) {
		return this.outbox.publishNow(ClientPackage.COLLECTION, id);
	}

	List<ClientPackage> ofClient(String normalizedEmail) {
		ClientPackages found = this.mongo.findById(normalizedEmail, ClientPackages.class, CLIENTS);
		if (found == null || found.packageIds() == null) {
			return List.of();
		}
		return found.packageIds().stream().flatMap(id -> byId(id).stream()).toList();
	}

	/** The client's packages are erased: the list that found them by address goes. */
	void forgetClient(String normalizedEmail) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(normalizedEmail)), CLIENTS);
	}

	void use(String bookingId, String packageId) {
		this.mongo.save(new Use(bookingId, packageId));
	}

	Optional<String> packageOf(String bookingId) {
		return Optional.ofNullable(this.mongo.findById(bookingId, Use.class)).map(Use::packageId);
	}

	void pend(Pending pending) {
		this.mongo.save(pending);
	}

	/** Takes pending work whose lease ran out; empty if another has it. */
	Optional<Pending> lease(String key, Instant now, Instant until) {
		Query query = Query.query(Criteria.where("_id").is(key).and("leaseUntil").lte(now));
		return Optional.ofNullable(this.mongo.findAndModify(query, Update.update("leaseUntil", until),
				FindAndModifyOptions.options().returnNew(true), Pending.class));
	}

	void done(String key) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key)), Pending.class);
	}

	List<Pending> pending(int limit) {
		return this.mongo.find(new Query().limit(limit), Pending.class);
	}

	/** Whether the booking was stored (read by id from the bookings collection). */
	boolean bookingExists(String bookingId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(bookingId)), "bookings");
	}

}
