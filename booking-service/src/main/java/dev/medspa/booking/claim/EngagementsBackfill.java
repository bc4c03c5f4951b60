package dev.medspa.booking.claim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.medspa.support.once.OnceTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Gives bookings made before practitioner-days existed their engagements, once per
 * installation: every live booking claim on a day sheet from yesterday on is recorded on
 * its practitioner's days where it is missing, and a marker says it was done. A start cut
 * short before the marker only repeats the work, since recording what is there changes
 * nothing.
 */
@Component
class EngagementsBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EngagementsBackfill.class);

	private static final String DONE = "practitioner-days-backfill";

	private final DaySheets daySheets;

	private final PractitionerDays practitionerDays;

	private final OnceTasks once;

	private final Clock clock;

	EngagementsBackfill(DaySheets daySheets, PractitionerDays practitionerDays, OnceTasks once, Clock clock) {
		this.daySheets = daySheets;
		this.practitionerDays = practitionerDays;
		this.once = once;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.once.runOnce(DONE, this::recordEngagements);
	}

	private void recordEngagements() {
		LocalDate yesterday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1);
		int claims = 0;
		for (DaySheet sheet : this.daySheets.from(yesterday)) {
			for (Claim claim : sheet.live(this.clock.instant())) {
				if (claim.kind() == Claim.Kind.BOOKING) {
					this.practitionerDays.record(claim, sheet.locationId());
					claims++;
				}
			}
		}
		log.info("Practitioner engagements checked for {} booking claims", claims);
	}

}
