package dev.medspa.booking.demo;

import java.time.Clock;
import java.time.Instant;

import dev.medspa.booking.prepaid.PackageOffer;
import dev.medspa.booking.prepaid.Packages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's prepaid packages, stored once: an offer that exists (perhaps changed since)
 * is left as it is. A course of three micro-needling sessions for 900.00 USD (three
 * sessions alone cost 1,050.00), and three with PRP for 1,650.00 (1,950.00 alone).
 */
@Component
@ConditionalOnBooleanProperty("medspa.booking.demo-data")
class DemoPackages implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPackages.class);

	private final Packages packages;

	private final Clock clock;

	DemoPackages(Packages packages, Clock clock) {
		this.packages = packages;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Instant now = this.clock.instant();
		int added = 0;
		if (this.packages.addOfferIfAbsent(new PackageOffer("microneedling-3", "microneedling",
				"Micro-needling, course of 3", 3, 900_00, "USD", true, now, "demo"))) {
			added++;
		}
		if (this.packages.addOfferIfAbsent(new PackageOffer("microneedling-prp-3", "microneedling-prp",
				"Micro-needling with PRP, course of 3", 3, 1650_00, "USD", true, now, "demo"))) {
			added++;
		}
		log.info("Demo package offers: {} added", added);
	}

}
