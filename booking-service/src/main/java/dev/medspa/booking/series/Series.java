package dev.medspa.booking.series;

import java.time.Instant;
import java.util.List;

import dev.medspa.booking.reservation.Client;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of one course being booked: what was asked and how far it got, so that a
 * crash leaves something to finish or undo. The holds and bookings of its sessions have
 * ids that follow from the series' id, so they are found without a search.
 *
 * @param due when the sweeper looks at it if it is not over by then; null once over
 */
@Document(Series.COLLECTION)
public record Series(@Id String id, String treatmentId, String locationId, String zoneId, List<Instant> starts,
		Client client, boolean byStaff, SeriesStatus status, @Nullable String failure, Instant createdAt,
		@Nullable Instant due, long version) {

	public static final String COLLECTION = "series";

	Series with(SeriesStatus next, @Nullable String why) {
		boolean over = next == SeriesStatus.CONFIRMED || next == SeriesStatus.FAILED;
		return new Series(this.id, this.treatmentId, this.locationId, this.zoneId, this.starts, this.client,
				this.byStaff, next, why, this.createdAt, over ? null : this.due, this.version + 1);
	}

	/** The name of the hold of one session (0-based). */
	public String holdName(int session) {
		return "series-" + this.id + "-" + session;
	}

	/** The booking id of one session (0-based). */
	public String bookingId(int session) {
		return java.util.UUID
			.nameUUIDFromBytes(("series|" + this.id + "|" + session).getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
	}

}
