package dev.medspa.booking.reservation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A booking a change would leave without what it needs, as a refusal or a preview lists
 * it.
 *
 * @param start in the location's zone
 */
public record AffectedBooking(String bookingId, String locationId, String start, String clientName) {

	static AffectedBooking of(Booking booking) {
		return new AffectedBooking(booking.id(), booking.locationId(),
				booking.start().atZone(ZoneId.of(booking.zoneId())).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
				booking.client().name());
	}

}
