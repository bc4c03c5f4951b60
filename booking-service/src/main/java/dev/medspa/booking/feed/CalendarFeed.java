package dev.medspa.booking.feed;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A feed as stored: keyed by the SHA-256 hash of its token, so a calendar app's poll is
 * one read by {@code _id} and nothing at rest opens the feed.
 *
 * @param tokenHash the hex SHA-256 of the token in the feed's address
 * @param feedId what staff see and revoke it by; random, and says nothing of the token
 * @param practitionerId whose bookings at the location; null for every booking there
 * @param createdBy the staff member who issued it (their token's subject)
 */
@Document(CalendarFeed.COLLECTION)
public record CalendarFeed(@Id String tokenHash, String feedId, String locationId, @Nullable String practitionerId,
		Instant createdAt, String createdBy) {

	static final String COLLECTION = "calendar_feeds";

	/** Whether it shows every booking of the location rather than one practitioner's. */
	public boolean wholeLocation() {
		return this.practitionerId == null;
	}

}
