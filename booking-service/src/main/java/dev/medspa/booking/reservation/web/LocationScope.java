package dev.medspa.booking.reservation.web;

import dev.medspa.support.Refusal;
import dev.medspa.support.security.StaffClaims;
import org.springframework.security.core.Authentication;

/**
 * Staff see and work only the locations their token lists (owners: every location).
 */
final class LocationScope {

	private LocationScope() {
	}

	static void require(Authentication caller, String locationId) {
		if (!StaffClaims.worksAt(caller, locationId)) {
			throw Refusal.forbidden("You do not work at " + locationId);
		}
	}

}
