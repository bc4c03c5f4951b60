package dev.medspa.events.booking;

import java.time.Instant;
import java.util.List;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import org.jspecify.annotations.Nullable;

/**
 * A booking was made and is confirmed.
 *
 * @param start when the client is expected, in UTC; consumers show it in the location's
 * zone
 * @param end when the treatment is expected to end, in UTC
 * @param client who to tell, as the client gave it
 * @param confirmedAt when it was confirmed
 * @param practitionerId who gives the treatment; absent in schema version 1
 * @param manageToken no longer sent (always absent): the client's link is derived from
 * the booking id under a key only the services' configuration holds, so that nothing on
 * the wire opens a booking; older records may still carry one, which no consumer may
 * store
 * @param series the course this booking is one session of, when the course was booked in
 * one go; absent before schema version 3 and for a booking on its own
 */
public record BookingConfirmed(BookingId bookingId, long bookingVersion, TreatmentId treatmentId, LocationId locationId,
		Instant start, Instant end, ClientContact client, Instant confirmedAt, @Nullable PractitionerId practitionerId,
		@Nullable String manageToken, @Nullable SeriesSession series) implements BookingEvent {

	/** A booking on its own, not a session of a course booked in one go. */
	public BookingConfirmed(BookingId bookingId, long bookingVersion, TreatmentId treatmentId, LocationId locationId,
			Instant start, Instant end, ClientContact client, Instant confirmedAt,
			@Nullable PractitionerId practitionerId, @Nullable String manageToken) {
		this(bookingId, bookingVersion, treatmentId, locationId, start, end, client, confirmedAt, practitionerId,
				manageToken, null);
	}

	/**
	 * One session of a course booked in one go.
	 *
	 * @param session which session this is, from 1
	 * @param sessions every session's booking, in order (this one among them), so a
	 * consumer can tell the client of the whole course at once
	 */
	public record SeriesSession(String seriesId, int session, List<BookingId> sessions) {
	}

	/**
	 * How to reach the client.
	 *
	 * @param phone as the client gave it, if given
	 * @param consentToSms whether the client agreed to text messages (reminders by SMS);
	 * false in schema version 1, which did not ask
	 */
	public record ClientContact(String name, String email, @Nullable String phone, boolean consentToSms) {
	}

}
