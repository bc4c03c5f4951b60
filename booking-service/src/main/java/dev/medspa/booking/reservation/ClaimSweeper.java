package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.ClaimJournal;
import dev.medspa.booking.claim.DaySheet;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.claim.PractitionerDay;
import dev.medspa.booking.claim.PractitionerDay.Engagement;
import dev.medspa.booking.claim.PractitionerDays;
import dev.medspa.support.once.OnceTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees what a crash left claimed: a booking claim whose booking was never stored (a
 * crash between claim and insert), or whose booking has moved on (a crash in the middle
 * of a move) or no longer holds its slot. It reads only the claims the
 * {@link ClaimJournal} noted since it last looked, so its cost follows the bookings being
 * made and changed, not those stored. A claim looks stray for a moment while a booking is
 * being made, so one is released only when it is still stray at the next sweep; the
 * release itself is a compare-and-set on the day sheet and the practitioner's days.
 * <p>
 * Once per installation, the first sweep notes every live booking claim from yesterday
 * on, for those taken before the journal existed.
 */
@Component
class ClaimSweeper {

	private static final Logger log = LoggerFactory.getLogger(ClaimSweeper.class);

	private static final String BACKFILLED = "claim-journal-backfill";

	private static final int BATCH = 5000;

	private final Bookings bookings;

	private final DaySheets daySheets;

	private final PractitionerDays practitionerDays;

	private final ClaimJournal journal;

	private final Clock clock;

	private final Set<String> suspects = new HashSet<>();

	private final OnceTasks once;

	private boolean backfilled;

	ClaimSweeper(Bookings bookings, DaySheets daySheets, PractitionerDays practitionerDays, ClaimJournal journal,
			OnceTasks once, Clock clock) {
		this.bookings = bookings;
		this.daySheets = daySheets;
		this.practitionerDays = practitionerDays;
		this.journal = journal;
		this.clock = clock;
		this.once = once;
	}

	@Scheduled(fixedDelayString = "${medspa.booking.sweep-interval:PT1M}",
			initialDelayString = "${medspa.booking.sweep-interval:PT1M}")
	synchronized void sweep() {
		backfillOnce();
		Instant now = this.clock.instant();
		Set<String> seen = new HashSet<>();
		for (ClaimJournal.Noted noted : this.journal.upTo(now, BATCH)) {
			if (!stray(noted.owner())) {
				this.journal.done(noted);
				continue;
			}
			String suspect = noted.noted().entry();
			if (!this.suspects.contains(suspect)) {
				seen.add(suspect);
				continue;
			}
			LocalDate utcDate = LocalDate.ofInstant(noted.start(), ZoneOffset.UTC);
			for (LocalDate date : List.of(utcDate.minusDays(1), utcDate, utcDate.plusDays(1))) {
				this.daySheets.release(noted.locationId(), date, noted.owner());
			}
			this.practitionerDays.release(noted.practitionerId(), noted.owner(), noted.start(), noted.end());
			this.journal.done(noted);
			log.info("Released stray claim {} at {} of {}", noted.owner(), noted.locationId(), noted.practitionerId());
		}
		this.suspects.clear();
		this.suspects.addAll(seen);
		this.journal.tidy(now);
	}

	/** The one look through every day from yesterday on, before the journal existed. */
	private void backfillOnce() {
		if (this.backfilled) {
			return;
		}
		this.once.runOnce(BACKFILLED, this::noteLiveClaims);
		this.backfilled = true;
	}

	private void noteLiveClaims() {
		LocalDate yesterday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1);
		for (DaySheet sheet : this.daySheets.from(yesterday)) {
			for (Claim claim : sheet.live(this.clock.instant())) {
				this.journal.note(claim, sheet.locationId());
			}
		}
		for (PractitionerDay day : this.practitionerDays.from(yesterday)) {
			for (Engagement engagement : day.engagements()) {
				if (engagement.kind() == Claim.Kind.BOOKING) {
					this.journal.note(new Claim(engagement.owner(), engagement.kind(), day.practitionerId(), "",
							engagement.start(), engagement.end(), null), engagement.locationId());
				}
			}
		}
	}

	private boolean stray(String owner) {
		return Booking.idOfClaimOwner(owner).isPresent() && !this.bookings.holds(owner);
	}

}
