package dev.medspa.booking.intake;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a booking's forms stand, as last told by intake-service; only a status and
 * counts, never what the client answered.
 *
 * @param id the booking's id
 * @param status {@code DUE}, {@code COMPLETE}, {@code NEEDS_REVIEW}, {@code CLEARED} or
 * {@code DECLINED}
 * @param version the intake's version of this status: a lower or equal one changes
 * nothing
 * @param formsDue forms still to fill in
 * @param declineReason the code of a decline, for {@code DECLINED} only
 * @param changedAt when intake-service changed it
 */
@Document(IntakeState.COLLECTION)
public record IntakeState(@Id String id, String status, long version, int formsDue, @Nullable String declineReason,
		Instant changedAt) {

	public static final String COLLECTION = "booking_intake";

}
