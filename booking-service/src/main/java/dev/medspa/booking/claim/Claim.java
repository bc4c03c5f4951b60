package dev.medspa.booking.claim;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * An interval a booking or a hold takes of one practitioner, one room and the devices the
 * treatment needs, preparation and clean-up included.
 *
 * @param owner the booking or hold that holds it
 * @param deviceIds the devices taken with the room; none for most treatments, and none on
 * claims stored before devices were known
 * @param end exclusive
 * @param expiresAt when a hold lets go by itself; none for a booking
 */
public record Claim(String owner, Kind kind, String practitionerId, String roomId, List<String> deviceIds,
		Instant start, Instant end, @Nullable Instant expiresAt) {

	@PersistenceCreator
	public Claim {
		deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
	}

	/** A claim of a practitioner and a room only. */
	public Claim(String owner, Kind kind, String practitionerId, String roomId, Instant start, Instant end,
			@Nullable Instant expiresAt) {
		this(owner, kind, practitionerId, roomId, List.of(), start, end, expiresAt);
	}

	public enum Kind {

		BOOKING, HOLD

	}

	/** The same interval and resources under another owner and kind. */
	public Claim as(String newOwner, Kind newKind, @Nullable Instant newExpiresAt) {
		return new Claim(newOwner, newKind, this.practitionerId, this.roomId, this.deviceIds, this.start, this.end,
				newExpiresAt);
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
