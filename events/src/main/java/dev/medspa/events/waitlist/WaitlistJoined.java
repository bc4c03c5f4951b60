package dev.medspa.events.waitlist;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed.ClientContact;
import org.jspecify.annotations.Nullable;

/**
 * A client joined the waitlist for a treatment; notification-service tells them so, with
 * the link to see and leave their place.
 *
 * @param locationId the location wanted, or absent for any location that offers the
 * treatment
 * @param from the first day wanted, in the location's zone
 * @param to the last day wanted
 * @param partsOfDay {@code MORNING}, {@code AFTERNOON}, {@code EVENING}; all if empty
 * @param weekdays the days of the week wanted; all if empty
 */
public record WaitlistJoined(String entryId, long entryVersion, TreatmentId treatmentId,
		@Nullable LocationId locationId, LocalDate from, LocalDate to, List<String> partsOfDay,
		List<DayOfWeek> weekdays, ClientContact client, Instant joinedAt) implements WaitlistEvent {

}
