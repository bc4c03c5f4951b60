package dev.medspa.booking.waitlist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How one location offers its freed slots: to the first waiter in line, or to several at
 * once, the first to claim winning.
 *
 * @param several how many at once in {@link Mode#SEVERAL_AT_ONCE}
 */
@Document("waitlist_settings")
public record WaitlistSettings(@Id String locationId, @NotNull Mode mode, @Min(1) @Max(10) int several) {

	public enum Mode {

		FIRST_IN_LINE, SEVERAL_AT_ONCE

	}

	static WaitlistSettings standard(String locationId) {
		return new WaitlistSettings(locationId, Mode.FIRST_IN_LINE, 3);
	}

	/** How many waiters each offer goes to. */
	int offersAtOnce() {
		return this.mode == Mode.FIRST_IN_LINE ? 1 : this.several;
	}

}
