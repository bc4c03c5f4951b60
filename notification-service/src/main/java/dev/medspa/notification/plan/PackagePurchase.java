package dev.medspa.notification.plan;

import dev.medspa.events.prepaid.PackagePurchased;

/**
 * What a receipt's plan knows of the package bought: nothing about the buyer, who is the
 * plan's recipient until the receipt is settled.
 *
 * @param packageId the package, booking-service's id for it
 * @param price what was paid, in minor units of the currency
 * @param currency ISO 4217
 */
public record PackagePurchase(String packageId, String name, int sessions, long price, String currency) {

	static PackagePurchase of(PackagePurchased event) {
		return new PackagePurchase(event.packageId(), event.name(), event.sessions(), event.price(), event.currency());
	}

}
