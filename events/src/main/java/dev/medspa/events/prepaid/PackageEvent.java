package dev.medspa.events.prepaid;

/**
 * An event in the life of one prepaid package. The topic is keyed by package id, so the
 * events of one package arrive in order.
 */
public sealed interface PackageEvent permits PackagePurchased {

	/**
	 * The package: the buyer's purchase id, which is also booking-service's id for it.
	 */
	String packageId();

}
