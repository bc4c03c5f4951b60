package dev.medspa.notification.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import dev.medspa.events.waitlist.WaitlistJoined;
import org.jspecify.annotations.Nullable;

/**
 * What a plan knows of a place on a waitlist: whose it is, and what the waiter asked for.
 *
 * @param entryId the place on the waitlist; its link is derived from it
 * @param locationId the location wanted, or null for any location
 * @param from the first day wanted, or null if the join never reached this service
 * @param to the last day wanted, or null likewise
 * @param partsOfDay {@code MORNING}, {@code AFTERNOON}, {@code EVENING}; all if empty
 * @param weekdays the days of the week wanted; all if empty
 */
public record WaitlistPlace(String entryId, @Nullable String locationId, @Nullable LocalDate from,
		@Nullable LocalDate to, List<String> partsOfDay, List<DayOfWeek> weekdays) {

	public WaitlistPlace {
		partsOfDay = (partsOfDay == null) ? List.of() : List.copyOf(partsOfDay);
		weekdays = (weekdays == null) ? List.of() : List.copyOf(weekdays);
	}

	static WaitlistPlace of(WaitlistJoined event) {
		return new WaitlistPlace(event.entryId(), (event.locationId() != null) ? event.locationId().value() : null,
				event.from(), event.to(), event.partsOfDay(), event.weekdays());
	}

	/** A place known only from an offer made for it: its wishes never reached here. */
	static WaitlistPlace unknownWishes(String entryId) {
		return new WaitlistPlace(entryId, null, null, null, List.of(), List.of());
	}

}
