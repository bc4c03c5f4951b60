package dev.medspa.booking.reservation.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingStatus;

/**
 * A booking as the API shows it, with its times in the location's zone.
 */
public record BookingView(String id, BookingStatus status, String treatmentId, String locationId, String practitionerId,
		String roomId, String zoneId, OffsetDateTime start, OffsetDateTime end, ClientView client, long version) {

	public static BookingView of(Booking booking) {
		ZoneId zone = ZoneId.of(booking.zoneId());
		return new BookingView(
				booking.id(), booking.status(), booking.treatmentId(), booking.locationId(), booking.practitionerId(),
				booking.roomId(), booking.zoneId(), booking.start().atZone(zone).toOffsetDateTime(),
				booking.end().atZone(zone).toOffsetDateTime(), new ClientView(booking.client().name(),
						booking.client().email(), booking.client().phone(), booking.client().consentToSms()),
				booking.version());
	}

	public record ClientView(String name, String email, String phone, boolean consentToSms) {
	}

	/**
	 * A new booking with the client's key to it, shown this once; a replayed request
	 * answers without it.
	 */
	public record Created(@com.fasterxml.jackson.annotation.JsonUnwrapped BookingView booking,
			@org.jspecify.annotations.Nullable Manage manage) {
	}

	/** A new booking as created answers it, with the client's key when given. */
	public static Created created(Booking booking, @org.jspecify.annotations.Nullable String token) {
		return new Created(of(booking), token == null ? null : new Manage(token, "/api/manage/" + token));
	}

	/**
	 * @param token the client's key; only its hash is stored
	 * @param url where the client views, moves or cancels the booking
	 */
	public record Manage(String token, String url) {
	}

}
