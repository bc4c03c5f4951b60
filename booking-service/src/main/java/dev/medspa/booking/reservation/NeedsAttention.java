package dev.medspa.booking.reservation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A confirmed booking that a change left without what it needs (its practitioner's hours,
 * its room, its device, its location): staff move or cancel it; the client is told
 * nothing until they do. Kept in a small collection of its own that empties as staff act.
 *
 * @param id the booking's id
 * @param start when the booking starts, to list the most urgent first
 * @param reason what changed, in words staff understand
 */
@Document(NeedsAttention.COLLECTION)
public record NeedsAttention(@Id String id, String locationId, Instant start, String reason, Instant raisedAt) {

	public static final String COLLECTION = "needs_attention";

}
