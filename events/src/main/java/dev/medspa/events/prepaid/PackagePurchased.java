package dev.medspa.events.prepaid;

import java.time.Instant;

import dev.medspa.events.TreatmentId;
import org.jspecify.annotations.Nullable;

/**
 * A client paid for a prepaid package: published once per package, when its charge
 * succeeded, and never for a declined card or a purchase given back because nobody came
 * back for it.
 *
 * @param packageId the package, which is the buyer's purchase id
 * @param offerId the offer it was bought from
 * @param name the offer's name as bought, such as "Micro-needling, course of 3"
 * @param sessions how many sessions it holds
 * @param price what was paid, in minor units of the currency (cents for USD)
 * @param currency ISO 4217
 * @param providerReference the payment provider's id of the charge; never card data
 * @param client who bought it, and whose address its sessions belong to
 * @param purchasedAt when the charge was recorded as paid
 */
public record PackagePurchased(String packageId, String offerId, TreatmentId treatmentId, String name, int sessions,
		long price, String currency, String providerReference, Buyer client,
		Instant purchasedAt) implements PackageEvent {

	/**
	 * How to reach the buyer.
	 *
	 * @param email the address the package belongs to: a booking that uses a session
	 * gives the same one
	 * @param phone as the buyer gave it, if given
	 */
	public record Buyer(String name, String email, @Nullable String phone) {
	}

}
