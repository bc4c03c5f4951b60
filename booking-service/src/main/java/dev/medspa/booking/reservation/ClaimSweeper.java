package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheet;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.claim.PractitionerDay;
import dev.medspa.booking.claim.PractitionerDay.Engagement;
import dev.medspa.booking.claim.PractitionerDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees what a crash left claimed: a booking claim whose booking was never stored (a
 * crash between claim and insert), or whose booking has moved on (a crash in the middle
 * of a move) or no longer holds its slot. A claim looks stray for a moment while a
 * booking is being made, so one is released only when it is still stray at the next
 * sweep; the release itself is a compare-and-set on the day sheet. Practitioner-days are
 * swept the same way.
 */
@Component
class ClaimSweeper {

	private static final Logger log = LoggerFactory.getLogger(ClaimSweeper.class);

	private final MongoTemplate mongo;

	private final DaySheets daySheets;

	private final PractitionerDays practitionerDays;

	private final Clock clock;

	private final Set<String> suspects = new HashSet<>();

	ClaimSweeper(MongoTemplate mongo, DaySheets daySheets, PractitionerDays practitionerDays, Clock clock) {
		this.mongo = mongo;
		this.daySheets = daySheets;
		this.practitionerDays = practitionerDays;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${medspa.booking.sweep-interval:PT1M}",
			initialDelayString = "${medspa.booking.sweep-interval:PT1M}")
	synchronized void sweep() {
		LocalDate yesterday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1);
		Set<String> seen = new HashSet<>();
		for (DaySheet sheet : this.daySheets.from(yesterday)) {
			for (Claim claim : sheet.live(this.clock.instant())) {
				if (claim.kind() != Claim.Kind.BOOKING || !stray(claim.owner())) {
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
		for (PractitionerDay day : this.practitionerDays.from(yesterday)) {
			for (Engagement engagement : day.engagements()) {
				if (engagement.kind() != Claim.Kind.BOOKING || !stray(engagement.owner())) {
					continue;
				}
				String suspect = day.id() + "/" + engagement.owner();
				seen.add(suspect);
				if (this.suspects.contains(suspect)) {
					this.practitionerDays.release(day.practitionerId(), day.date(), engagement.owner());
					log.info("Released stray engagement {} of {} on {}", engagement.owner(), day.practitionerId(),
							day.date());
					seen.remove(suspect);
				}
			}
		}
		this.suspects.clear();
		this.suspects.addAll(seen);
	}

	private boolean stray(String owner) {
		return Booking.idOfClaimOwner(owner).map(id -> {
			Booking booking = this.mongo.findById(id, Booking.class);
			return booking == null || !booking.claimOwner().equals(owner) || !booking.status().holdsItsSlot();
		}).orElse(false);
	}

}
