package dev.medspa.booking.prepaid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes the purchases and held credits a crash or an unreachable provider left
 * unsettled. It reads only the small pending collection, and takes each piece of work
 * under a lease, so two instances never do one at once.
 */
@Component
class PackageSweeper {

	private static final Logger log = LoggerFactory.getLogger(PackageSweeper.class);

	private static final int BATCH = 500;

	private final Packages packages;

	PackageSweeper(Packages packages) {
		this.packages = packages;
	}

	@Scheduled(fixedDelayString = "${medspa.booking.payments.sweep-interval:PT30S}",
			initialDelayString = "${medspa.booking.payments.sweep-interval:PT30S}")
	synchronized void sweep() {
		for (PackageStore.Pending pending : this.packages.pending(BATCH)) {
			try {
				this.packages.finish(pending);
			}
			catch (dev.medspa.booking.payment.PaymentProvider.Unavailable ex) {
				log.warn("Payment provider still unavailable for {}: {}", pending.key(), ex.getMessage());
				return;
			}
			catch (RuntimeException ex) {
				log.error("Could not finish {}", pending.key(), ex);
			}
		}
	}

}
