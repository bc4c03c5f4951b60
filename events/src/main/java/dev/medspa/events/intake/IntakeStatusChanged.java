package dev.medspa.events.intake;

import java.time.Instant;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * Where a booking's intake and consent forms stand now, keyed by the booking's id. It
 * says nothing about what was answered: a reader learns only whether the client is ready
 * for the visit.
 *
 * @param intakeVersion rises with every change of the booking's intake, so a consumer can
 * tell an old event from a new one
 * @param status {@code DUE} (forms to fill in before the visit), {@code COMPLETE} (all
 * answered, nothing to review), {@code NEEDS_REVIEW} (an answer calls for a
 * practitioner's judgement), {@code CLEARED} (a practitioner reviewed and the visit goes
 * ahead) or {@code DECLINED} (a practitioner decided the treatment cannot go ahead; the
 * booking is to be cancelled by the clinic)
 * @param formsDue how many forms are still to be filled in; 0 unless {@code DUE}
 * @param declineReason for {@code DECLINED} only, one of {@code NOT_SUITABLE_NOW},
 * {@code CONSULTATION_FIRST} or {@code OTHER}, from which the client's message is worded;
 * the practitioner's own words stay in intake-service
 */
public record IntakeStatusChanged(BookingId bookingId, LocationId locationId, long intakeVersion, String status,
		int formsDue, @Nullable String declineReason, Instant changedAt) {

	public static final String DUE = "DUE";

	public static final String COMPLETE = "COMPLETE";

	public static final String NEEDS_REVIEW = "NEEDS_REVIEW";

	public static final String CLEARED = "CLEARED";

	public static final String DECLINED = "DECLINED";

	/** Whether the client is ready for the visit as far as forms go. */
	public boolean ready() {
		return COMPLETE.equals(this.status) || CLEARED.equals(this.status);
	}

}
