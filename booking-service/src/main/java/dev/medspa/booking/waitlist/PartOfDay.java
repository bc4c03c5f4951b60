package dev.medspa.booking.waitlist;

import java.time.LocalTime;

/** When in the day a waiter can come, in the location's zone. */
public enum PartOfDay {

	/** Before noon. */
	MORNING,

	/** From noon until five. */
	AFTERNOON,

	/** From five on. */
	EVENING;

	private static final LocalTime NOON = LocalTime.NOON;

	private static final LocalTime FIVE = LocalTime.of(17, 0);

	public static PartOfDay of(LocalTime time) {
		return time.isBefore(NOON) ? MORNING : time.isBefore(FIVE) ? AFTERNOON : EVENING;
	}

}
