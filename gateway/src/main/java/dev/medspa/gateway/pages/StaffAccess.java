package dev.medspa.gateway.pages;

import java.util.List;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.support.security.StaffRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * The signed-in member and the locations they may act at, for the staff's pages that work
 * at a location ({@link StaffPages}, {@link SeriesStaffPages},
 * {@link WaitlistStaffPages}): an owner at every location, anyone else at the locations
 * on their account.
 */
final class StaffAccess {

	private StaffAccess() {
	}

	/** The member's account; refused when there is none or it is disabled. */
	static StaffAccount account(StaffAccounts accounts, Authentication member) {
		return accounts.byEmail(member.getName())
			.filter(StaffAccount::enabled)
			.orElseThrow(() -> new AccessDeniedException("No active staff account"));
	}

	static boolean worksAt(StaffAccount account, String locationId) {
		return account.has(StaffRole.OWNER) || account.locations().contains(locationId);
	}

	/** The catalog's locations the member works at. */
	static List<LocationState> visibleLocations(Catalog catalog, StaffAccount account) {
		return catalog.locations().stream().filter(location -> worksAt(account, location.id().value())).toList();
	}

}
