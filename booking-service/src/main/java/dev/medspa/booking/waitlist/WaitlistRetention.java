package dev.medspa.booking.waitlist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Places on the waitlist are kept as long as bookings: a place whose last wished-for day
 * lies more than the retention period ({@code medspa.privacy.retention}, three years)
 * back no longer names its client. The job reads the places month by month from
 * {@code waitlist_ends}, never all places, and forgets each month it finished; erasing
 * twice changes nothing, so a crash or two instances do no harm.
 */
@Component
public class WaitlistRetention {

	private static final Logger log = LoggerFactory.getLogger(WaitlistRetention.class);

	private final WaitlistStore store;

	private final WaitlistClientRecords records;

	private final Clock clock;

	private final Period retention;

	WaitlistRetention(WaitlistStore store, WaitlistClientRecords records, Clock clock,
			@Value("${medspa.privacy.retention:P3Y}") Period retention) {
		this.store = store;
		this.records = records;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "${medspa.privacy.retention-check:PT6H}", initialDelayString = "PT1M")
	public void eraseEnded() {
		LocalDate cutoff = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minus(this.retention);
		int erased = 0;
		for (WaitlistStore.EndMonth month : this.store.endedBefore(YearMonth.from(cutoff))) {
			if (month.entryIds() != null) {
				for (String id : month.entryIds()) {
					if (this.records.eraseEntry(id)) {
						erased++;
					}
				}
			}
			this.store.forgetMonth(month.id());
		}
		if (erased > 0) {
			log.info("Erased the client from {} waitlist places that ended before {}", erased, cutoff);
		}
	}

}
