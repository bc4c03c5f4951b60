package dev.medspa.booking.waitlist;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the rounds that are due every few seconds: offers that ran out are handed to
 * the next waiter, slots freed in the night are offered in the morning, and what a crash
 * left half done is finished. On several instances each round is worked on by one at a
 * time, under its lease.
 */
@Component
class OfferSweeper {

	private final Offers offers;

	OfferSweeper(Offers offers) {
		this.offers = offers;
	}

	@Scheduled(fixedDelayString = "${medspa.waitlist.sweep-interval:PT5S}",
			initialDelayString = "${medspa.waitlist.sweep-interval:PT5S}")
	void sweep() {
		this.offers.sweep();
	}

}
