package dev.medspa.booking.reservation;

import org.springframework.stereotype.Component;

/** Lets tests outside the package run a sweep now instead of waiting for the schedule. */
@Component
public class ClaimSweeperAccess {

	private final ClaimSweeper sweeper;

	ClaimSweeperAccess(ClaimSweeper sweeper) {
		this.sweeper = sweeper;
	}

	public void sweep() {
		this.sweeper.sweep();
	}

}
