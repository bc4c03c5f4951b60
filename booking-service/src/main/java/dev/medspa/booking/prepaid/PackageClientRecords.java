package dev.medspa.booking.prepaid;

import java.util.List;

import dev.medspa.booking.reservation.ClientRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A client's packages, in their export and their erasure. Erasing keeps what the clinic
 * must keep of a sale (offer, price, the provider's ids, the sessions used) and drops the
 * name and address, so the package can no longer be found or used by them. A purchase
 * event still waiting in the package's document is published first, so the document keeps
 * no copy of the contact either (what is on the topic stays until its retention, as for
 * bookings).
 */
@Component
class PackageClientRecords implements ClientRecords {

	private static final Logger log = LoggerFactory.getLogger(PackageClientRecords.class);

	private final PackageStore store;

	private final Packages packages;

	PackageClientRecords(PackageStore store, Packages packages) {
		this.store = store;
		this.packages = packages;
	}

	@Override
	public String name() {
		return "packages";
	}

	@Override
	public List<?> of(String normalizedEmail) {
		return this.packages.ofClient(normalizedEmail);
	}

	@Override
	public int erase(String normalizedEmail) {
		int erased = 0;
		for (ClientPackage bought : this.store.ofClient(normalizedEmail)) {
			// a purchase just paid may still wait in the document with the buyer's
			// contact
			if (!this.store.publishWaiting(bought.id())) {
				log.warn("Package {} still holds an unpublished purchase event; it leaves the store once the broker "
						+ "takes it", bought.id());
			}
			for (int attempt = 0; attempt < 5; attempt++) {
				ClientPackage current = this.store.byId(bought.id()).orElseThrow();
				if (!current.clientEmail().equals(normalizedEmail)) {
					break;
				}
				if (this.store.replace(current, current.erased("erased:" + current.id()))) {
					erased++;
					break;
				}
			}
		}
		this.store.forgetClient(normalizedEmail);
		return erased;
	}

}
