package dev.medspa.booking.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.reservation.Client;
import dev.medspa.booking.waitlist.Waitlist;
import dev.medspa.support.once.OnceTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Two demo waiters for the micro-needling consultation, one at Walnut Creek and one at
 * any location, for the next four weeks: cancel a demo booking there and an offer arrives
 * in the local mailbox. Joined once per installation, as soon as the catalog has come in
 * from catalog-service (it arrives over Kafka after the start).
 */
@Component
@ConditionalOnBooleanProperty("medspa.booking.demo-data")
class DemoWaitlist {

	private static final Logger log = LoggerFactory.getLogger(DemoWaitlist.class);

	private static final String TASK = "demo-waitlist";

	private static final String CONSULTATION = "microneedling-consultation";

	private final Waitlist waitlist;

	private final CatalogReadModel catalog;

	private final OnceTasks once;

	private final Clock clock;

	private volatile boolean done;

	DemoWaitlist(Waitlist waitlist, CatalogReadModel catalog, OnceTasks once, Clock clock) {
		this.waitlist = waitlist;
		this.catalog = catalog;
		this.once = once;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 5000, initialDelay = 5000)
	void joinOnce() {
		if (this.done || this.catalog.treatment(CONSULTATION).isEmpty()
				|| this.catalog.location("walnut-creek").isEmpty()) {
			return;
		}
		this.once.runOnce(TASK, () -> {
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
			this.waitlist.join(new Waitlist.Wish(CONSULTATION, "walnut-creek", today, today.plusDays(28), Set.of(),
					Set.of(), Client.of("Nora Waite", "nora.waite@example.com", "+1 925 555 0177", false)));
			this.waitlist.join(new Waitlist.Wish(CONSULTATION, null, today, today.plusDays(28), Set.of(), Set.of(),
					Client.of("Omar Lindqvist", "omar.lindqvist@example.com", "+1 480 555 0133", true)));
			log.info("Demo waitlist: two waiters for the consultation joined");
		});
		this.done = true;
	}

}
