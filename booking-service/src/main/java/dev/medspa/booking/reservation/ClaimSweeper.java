package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheet;
import dev.medspa.booking.claim.DaySheets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees what a crash left claimed: a booking claim whose booking was never stored (a
 * crash between claim and insert), or whose booking has moved on (a crash in the middle
 * of a move) or no longer holds its slot. A claim looks stray for a moment while a
 * booking is being made, so one is released only when it is still stray at the next
 * sweep; the release itself is a compare-and-set on the day sheet.
 */
@Component
class ClaimSweeper {

	private static final Logger log = LoggerFactory.getLogger(ClaimSweeper.class);

	private final MongoTemplate mongo;

	private final DaySheets daySheets;

	private final Clock clock;

	private final Set<String> suspects = new HashSet<>();

	ClaimSweeper(MongoTemplate mongo, DaySheets daySheets, Clock clock) {
		this.mongo = mongo;
		this.daySheets = daySheets;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${medspa.booking.sweep-interval:PT1M}",
			initialDelayString = "${medspa.booking.sweep-interval:PT1M}")
	synchronized void sweep() {
		LocalDate yesterday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1);
		Set<String> seen = new HashSet<>();
		for (DaySheet sheet : this.mongo.find(Query.query(Criteria.where("date").gte(yesterday)), DaySheet.class)) {
			for (Claim claim : sheet.live(this.clock.instant())) {
				if (claim.kind() != Claim.Kind.BOOKING || !stray(claim)) {
					continue;
				}
				seen.add(claim.owner());
				if (this.suspects.contains(claim.owner())) {
					this.daySheets.release(sheet.locationId(), sheet.date(), claim.owner());
					log.info("Released stray claim {} at {} on {}", claim.owner(), sheet.locationId(), sheet.date());
					seen.remove(claim.owner());
				}
			}
		}
		this.suspects.clear();
		this.suspects.addAll(seen);
	}

	private boolean stray(Claim claim) {
		int hash = claim.owner().lastIndexOf('#');
		if (hash < 0) {
			return false;
		}
		Booking booking = this.mongo.findById(claim.owner().substring(0, hash), Booking.class);
		return booking == null || !booking.claimOwner().equals(claim.owner()) || !booking.status().holdsItsSlot();
	}

}
