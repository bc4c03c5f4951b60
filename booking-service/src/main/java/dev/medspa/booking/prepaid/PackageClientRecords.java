package dev.medspa.booking.prepaid;

import java.util.List;

import dev.medspa.booking.reservation.ClientRecords;

import org.springframework.stereotype.Component;

/**
 * A client's packages, in their export and their erasure. Erasing keeps what the clinic
 * must keep of a sale (offer, price, the provider's ids, the sessions used) and drops the
 * name and address, so the package can no longer be found or used by them.
 */
@Component
class PackageClientRecords implements ClientRecords {

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
