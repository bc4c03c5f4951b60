package dev.medspa.booking.reservation;

import java.time.Clock;

import dev.medspa.support.once.OnceTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Lists the bookings stored before the client histories and day lists existed, once per
 * installation, in one pass over the bookings.
 */
@Component
class ListsBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ListsBackfill.class);

	private final MongoTemplate mongo;

	private final ClientHistories histories;

	private final DayLists days;

	private final OnceTasks once;

	ListsBackfill(MongoTemplate mongo, ClientHistories histories, DayLists days, Clock clock) {
		this.mongo = mongo;
		this.histories = histories;
		this.days = days;
		this.once = new OnceTasks(mongo, clock);
	}

	@Override
	public void run(ApplicationArguments args) {
		this.once.runOnce("booking-lists-backfill", () -> {
			int listed = 0;
			for (Booking booking : this.mongo.findAll(Booking.class)) {
				if (!booking.client().isErased()) {
					this.histories.add(booking.client().normalizedEmail(), booking.id());
				}
				this.days.add(booking);
				listed++;
			}
			if (listed > 0) {
				log.info("Listed {} bookings stored earlier in their clients' histories and on their days", listed);
			}
		});
	}

}
