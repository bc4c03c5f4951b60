package dev.medspa.booking.reservation;

import java.util.stream.Stream;

import dev.medspa.support.once.OnceTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Lists the bookings stored before the client histories and day lists existed, once per
 * installation, in one pass over the bookings.
 */
@Component
class ListsBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ListsBackfill.class);

	private final Bookings bookings;

	private final ClientHistories histories;

	private final DayLists days;

	private final OnceTasks once;

	ListsBackfill(Bookings bookings, ClientHistories histories, DayLists days, OnceTasks once) {
		this.bookings = bookings;
		this.histories = histories;
		this.days = days;
		this.once = once;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.once.runOnce("booking-lists-backfill", () -> {
			int listed = 0;
			try (Stream<Booking> all = this.bookings.all()) {
				for (Booking booking : (Iterable<Booking>) all::iterator) {
					if (!booking.client().isErased()) {
						this.histories.add(booking.client().normalizedEmail(), booking.id());
					}
					this.days.add(booking);
					listed++;
				}
			}
			if (listed > 0) {
				log.info("Listed {} bookings stored earlier in their clients' histories and on their days", listed);
			}
		});
	}

}
