package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.medspa.support.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * What this service holds about a client, found by their e-mail address: handed over
 * whole, or erased. Erasure keeps each booking as an anonymous fact and publishes
 * {@code BookingClientErased} for it, through the booking's own outbox, so that every
 * other service drops what it holds, once, even across crashes and redelivery. A client
 * inactive for the retention period ({@code medspa.privacy.retention}, default three
 * years after their last appointment ended) is erased the same way.
 */
@Service
public class ClientData {

	private static final Logger log = LoggerFactory.getLogger(ClientData.class);

	private final MongoTemplate mongo;

	private final BookingService bookings;

	private final Clock clock;

	private final Period retention;

	private final ClientHistories histories;

	ClientData(MongoTemplate mongo, BookingService bookings, ClientHistories histories, Clock clock,
			@Value("${medspa.privacy.retention:P3Y}") Period retention) {
		this.histories = histories;
		this.mongo = mongo;
		this.bookings = bookings;
		this.clock = clock;
		this.retention = retention;
	}

	/** Every booking of the client, oldest first. */
	public List<Booking> of(String email) {
		return this.histories.of(normalise(email));
	}

	/**
	 * Erases the client from all their bookings.
	 * @return how many bookings were erased now
	 * @throws Refusal 409 {@code client-has-upcoming-bookings} while one is still to
	 * come: cancel it first, so the client is told
	 */
	public int erase(String email) {
		List<Booking> all = of(email);
		Instant now = this.clock.instant();
		List<String> upcoming = all.stream()
			.filter(booking -> booking.status().holdsItsSlot() && booking.end().isAfter(now))
			.map(Booking::id)
			.toList();
		if (!upcoming.isEmpty()) {
			throw Refusal
				.conflict("client-has-upcoming-bookings", "Upcoming bookings", null,
						"This client has bookings still to come; cancel them first (the client is told), then erase")
				.with("bookings", upcoming);
		}
		int erased = 0;
		for (Booking booking : all) {
			if (this.bookings.eraseClient(booking.id())) {
				erased++;
			}
		}
		return erased;
	}

	/**
	 * Erases the clients whose last appointment ended before the retention period, a
	 * bounded batch per run; idempotent, so two instances running it at once do no harm.
	 */
	@Scheduled(fixedDelayString = "${medspa.privacy.retention-check:PT6H}", initialDelayString = "PT1M")
	public void eraseInactive() {
		Instant cutoff = this.clock.instant().atOffset(ZoneOffset.UTC).minus(this.retention).toInstant();
		Set<String> candidates = new LinkedHashSet<>();
		for (Booking old : this.mongo.find(Query.query(Criteria.where("end").lt(cutoff)).limit(2000), Booking.class)) {
			if (!old.client().isErased()) {
				candidates.add(old.client().normalizedEmail());
			}
		}
		int erased = 0;
		for (String email : candidates) {
			boolean active = this.mongo.exists(
					Query.query(Criteria.where("client.normalizedEmail").is(email).and("end").gte(cutoff)),
					Booking.class);
			if (!active) {
				for (Booking booking : of(email)) {
					if (this.bookings.eraseClient(booking.id())) {
						erased++;
					}
				}
			}
		}
		if (erased > 0) {
			log.info("Erased the client from {} bookings inactive since before {}", erased, cutoff);
		}
	}

	private static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
