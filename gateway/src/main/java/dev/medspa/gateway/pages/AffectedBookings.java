package dev.medspa.gateway.pages;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medspa.events.catalog.LocationState;

/**
 * The bookings a change would leave without what they need, as the pages list them: when
 * in the location's zone, where, and who.
 */
final class AffectedBookings {

	private AffectedBookings() {
	}

	/**
	 * @param bookings as booking-service names them: bookingId, locationId, start,
	 * clientName
	 */
	static List<Map<String, Object>> rows(List<Map<String, Object>> bookings, Catalog catalog) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> booking : bookings) {
			String locationId = String.valueOf(booking.get("locationId"));
			LocationState location = catalog.location(locationId).orElse(null);
			Map<String, Object> row = new LinkedHashMap<>(booking);
			row.put("when", Times.full(OffsetDateTime.parse(String.valueOf(booking.get("start"))),
					location == null ? "UTC" : location.zoneId()));
			row.put("where", location == null ? locationId : location.name());
			rows.add(row);
		}
		return rows;
	}

}
