package dev.medspa.booking.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again, under the same idempotency keys, the movements a crash or an unreachable
 * provider left pending. It reads only the small pending collection, and takes each
 * movement under a lease, so two instances never send one at once.
 */
@Component
class PaymentSweeper {

	private static final Logger log = LoggerFactory.getLogger(PaymentSweeper.class);

	private static final int BATCH = 500;

	private final Payments payments;

	PaymentSweeper(Payments payments) {
		this.payments = payments;
	}

	@Scheduled(fixedDelayString = "${medspa.booking.payments.sweep-interval:PT30S}",
			initialDelayString = "${medspa.booking.payments.sweep-interval:PT30S}")
	synchronized void sweep() {
		for (Ledgers.Pending pending : this.payments.pending(BATCH)) {
			try {
				this.payments.resend(pending);
			}
			catch (PaymentProvider.Unavailable ex) {
				log.warn("Payment provider still unavailable for {}: {}", pending.key(), ex.getMessage());
				return;
			}
			catch (RuntimeException ex) {
				log.error("Could not send {} again", pending.key(), ex);
			}
		}
	}

}
