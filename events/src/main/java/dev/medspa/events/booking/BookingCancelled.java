package dev.medspa.events.booking;

import java.time.Instant;

import dev.medspa.events.BookingId;
import org.jspecify.annotations.Nullable;

/**
 * A booking was cancelled; nothing planned for it may be sent any more. Staff's own words
 * for the reason stay in booking-service.
 *
 * @param byClient true when the client cancelled, false when staff did
 * @param clinicReason why the clinic cancelled, as a code a message can be worded from,
 * when there is one: {@code INTAKE_NOT_SUITABLE_NOW}, {@code INTAKE_CONSULTATION_FIRST}
 * or {@code INTAKE_OTHER} when a practitioner declined the treatment after reviewing the
 * client's health answers; absent before schema version 2 and for other cancellations
 */
public record BookingCancelled(BookingId bookingId, long bookingVersion, boolean byClient, Instant cancelledAt,
		@Nullable String clinicReason) implements BookingEvent {

	/** A cancellation without a reason code. */
	public BookingCancelled(BookingId bookingId, long bookingVersion, boolean byClient, Instant cancelledAt) {
		this(bookingId, bookingVersion, byClient, cancelledAt, null);
	}

}
