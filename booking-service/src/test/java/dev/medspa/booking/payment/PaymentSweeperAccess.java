package dev.medspa.booking.payment;

import org.springframework.stereotype.Component;

/** Lets tests outside the package run a payment sweep now. */
@Component
public class PaymentSweeperAccess {

	private final PaymentSweeper sweeper;

	PaymentSweeperAccess(PaymentSweeper sweeper) {
		this.sweeper = sweeper;
	}

	public void sweep() {
		this.sweeper.sweep();
	}

}
