package dev.medspa.booking.waitlist;

import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One location's month of freed slots: how many were freed while someone waited, how many
 * the waitlist refilled, and how long each refill took (seconds from the freeing to the
 * claim). Kept as counters by id, so the figures cost one read per month shown.
 */
@Document("waitlist_refills")
public record RefillMonth(@Id String id, String locationId, String month, @Nullable Integer freed,
		@Nullable Integer refilled, @Nullable List<Long> refillSeconds) {

	/** Slots freed while someone waited; a month only refilled so far has none. */
	public int freedSlots() {
		return this.freed == null ? 0 : this.freed;
	}

	/** Slots the waitlist refilled; a month only freed so far has none. */
	public int refilledSlots() {
		return this.refilled == null ? 0 : this.refilled;
	}

	static String id(String locationId, YearMonth month) {
		return locationId + "|" + month;
	}

	/** The median time to refill, in minutes, or null without a refill. */
	public @Nullable Long medianMinutes() {
		if (this.refillSeconds == null || this.refillSeconds.isEmpty()) {
			return null;
		}
		List<Long> sorted = this.refillSeconds.stream().sorted().toList();
		return sorted.get(sorted.size() / 2) / 60;
	}

}
