package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.support.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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

	private final BookingService bookings;

	private final Bookings stored;

	private final ClientHistories histories;

	private final DayLists days;

	private final CatalogReadModel catalog;

	private final RetentionProgress progress;

	private final Clock clock;

	private final Period retention;

	private final org.springframework.beans.factory.ObjectProvider<ClientRecords> others;

	ClientData(BookingService bookings, Bookings stored, ClientHistories histories, DayLists days,
			CatalogReadModel catalog, RetentionProgress progress, Clock clock,
			@Value("${medspa.privacy.retention:P3Y}") Period retention,
			org.springframework.beans.factory.ObjectProvider<ClientRecords> others) {
		this.others = others;
		this.bookings = bookings;
		this.stored = stored;
		this.histories = histories;
		this.days = days;
		this.catalog = catalog;
		this.progress = progress;
		this.clock = clock;
		this.retention = retention;
	}

	/** Every booking of the client, oldest first. */
	public List<Booking> of(String email) {
		return this.histories.of(normalise(email));
	}

	/** The client's other records, by what they are (the waitlist, ...). */
	public java.util.Map<String, List<?>> othersOf(String email) {
		java.util.Map<String, List<?>> found = new java.util.LinkedHashMap<>();
		this.others.orderedStream().forEach(records -> found.put(records.name(), records.of(normalise(email))));
		return found;
	}

	/** Erases the client from their other records, by what they are. */
	public java.util.Map<String, Integer> eraseOthers(String email) {
		java.util.Map<String, Integer> erased = new java.util.LinkedHashMap<>();
		this.others.orderedStream().forEach(records -> erased.put(records.name(), records.erase(normalise(email))));
		return erased;
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
	 * Erases the clients whose last appointment ended before the retention period. Each
	 * run goes on through the days from the last it finished, reading each location's day
	 * list, so it never searches all bookings and its cost follows the days that passed.
	 * A day is marked as finished only once all its bookings, in any zone, ended before
	 * the cutoff and its clients were erased; the few days after it are looked at again
	 * next time. Erasing twice changes nothing, so a crash or two instances at once do no
	 * harm.
	 */
	@Scheduled(fixedDelayString = "${medspa.privacy.retention-check:PT6H}", initialDelayString = "PT1M")
	public void eraseInactive() {
		Instant now = this.clock.instant();
		Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(this.retention).toInstant();
		LocalDate cutoffDay = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
		// a location's local day ends at most 14 hours after the UTC day, and a treatment
		// lasts hours: the bookings of these days all ended before the cutoff
		LocalDate finished = cutoffDay.minusDays(3);
		LocalDate examined = this.progress.examinedUpTo().orElseGet(() -> {
			LocalDate before = this.stored.earliest()
				.map(booking -> LocalDate.ofInstant(booking.start(), ZoneOffset.UTC).minusDays(2))
				.filter(day -> day.isBefore(finished))
				.orElse(finished);
			this.progress.examined(before, now);
			return before;
		});
		List<CatalogLocation> locations = this.catalog.allLocations();
		int erased = 0;
		for (LocalDate day = examined.plusDays(1); !day.isAfter(cutoffDay.plusDays(1)); day = day.plusDays(1)) {
			erased += eraseInactiveOf(locations, day, cutoff);
			if (!day.isAfter(finished)) {
				this.progress.examined(day, now);
			}
		}
		if (erased > 0) {
			log.info("Erased the client from {} bookings inactive since before {}", erased, cutoff);
		}
	}

	private int eraseInactiveOf(List<CatalogLocation> locations, LocalDate day, Instant cutoff) {
		Set<String> candidates = new LinkedHashSet<>();
		for (CatalogLocation location : locations) {
			for (Booking booking : this.days.atLocation(location.id(), day, location.zone())) {
				if (!booking.client().isErased() && booking.end().isBefore(cutoff)) {
					candidates.add(booking.client().normalizedEmail());
				}
			}
		}
		int erased = 0;
		for (String email : candidates) {
			List<Booking> history = this.histories.of(email);
			if (history.stream().allMatch(booking -> booking.end().isBefore(cutoff))) {
				for (Booking booking : history) {
					if (this.bookings.eraseClient(booking.id())) {
						erased++;
					}
				}
			}
		}
		return erased;
	}

	private static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
