package dev.medspa.booking.prepaid;

import org.springframework.stereotype.Component;

/** Lets tests outside the package run a package sweep now. */
@Component
public class PackageSweeperAccess {

	private final PackageSweeper sweeper;

	PackageSweeperAccess(PackageSweeper sweeper) {
		this.sweeper = sweeper;
	}

	public void sweep() {
		this.sweeper.sweep();
	}

}
