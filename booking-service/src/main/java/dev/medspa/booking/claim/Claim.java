package dev.medspa.booking.claim;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An interval a booking or a hold takes of one practitioner and one room, preparation and
 * clean-up included.
 *
 * @param owner the booking or hold that holds it
 * @param end exclusive
 * @param expiresAt when a hold lets go by itself; none for a booking
 */
public record Claim(String owner, Kind kind, String practitionerId, String roomId, Instant start, Instant end,
		@Nullable Instant expiresAt) {

	public enum Kind {

		BOOKING, HOLD

	}

	boolean overlaps(Instant otherStart, Instant otherEnd) {
		return this.start.isBefore(otherEnd) && otherStart.isBefore(this.end);
	}

	/**
	 * Whether it still holds its interval at the given time: an expired hold does not.
	 */
	boolean isLive(Instant now) {
		return this.expiresAt == null || this.expiresAt.isAfter(now);
	}

}
