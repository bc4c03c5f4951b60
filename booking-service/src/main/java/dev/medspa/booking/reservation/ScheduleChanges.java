package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.medspa.booking.availability.BookingPolicy;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.PractitionerDay.Engagement;
import dev.medspa.booking.claim.PractitionerDays;
import dev.medspa.booking.schedule.Schedule;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.support.Refusal;

import org.springframework.stereotype.Service;

/**
 * Changes a practitioner's schedule without stranding a client silently. A change that
 * would leave confirmed bookings outside the practitioner's hours is refused with the
 * list of them, unless the manager confirms it; then each is listed as needing attention.
 * <p>
 * A booking that races the change cannot slip through: the change is written first and
 * the practitioner's engagements read after, while a booking engages the practitioner
 * first and reads the schedule after ({@code BookingService}); whichever comes second
 * sees the other.
 */
@Service
public class ScheduleChanges {

	private final Schedules schedules;

	private final PractitionerDays practitionerDays;

	private final CatalogReadModel catalog;

	private final BookingService bookings;

	private final Attention attention;

	private final BookingPolicy policy;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	ScheduleChanges(Schedules schedules, PractitionerDays practitionerDays, CatalogReadModel catalog,
			BookingService bookings, Attention attention, BookingPolicy policy, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.schedules = schedules;
		this.practitionerDays = practitionerDays;
		this.catalog = catalog;
		this.bookings = bookings;
		this.attention = attention;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * A schedule saved, and the bookings it left needing attention.
	 */
	public record Changed(Schedule schedule, List<Booking> needAttention) {
	}

	/**
	 * Told inside this service once a practitioner's schedule is saved: new hours may
	 * open times that someone on the waitlist wants.
	 */
	public record HoursChanged(Schedule schedule) {
	}

	/**
	 * @param confirmed the manager has seen the affected bookings and keeps the change
	 */
	public Changed replace(String practitionerId, OptionalLong expectedVersion, List<Schedule.WeeklyHours> weekly,
			List<Schedule.Exception> exceptions, boolean confirmed) {
		Schedule saved = this.schedules.replace(practitionerId, expectedVersion, weekly, exceptions, proposed -> {
			List<Booking> before = stranded(practitionerId, proposed);
			if (!before.isEmpty() && !confirmed) {
				throw Refusal
					.conflict("strands-bookings", "Bookings would be left without a practitioner", null,
							before.size() + " confirmed booking(s) fall outside the new hours. Move or cancel them "
									+ "first, or confirm the change to keep it and list them as needing attention.")
					.with("affectedBookings", before.stream().map(AffectedBooking::of).toList());
			}
		});
		List<Booking> after = stranded(practitionerId, saved);
		String reason = "Outside the practitioner's hours since the schedule changed on "
				+ this.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
		after.forEach(booking -> this.attention.raise(booking, reason));
		this.events.publishEvent(new HoursChanged(saved));
		return new Changed(saved, after);
	}

	/** The confirmed bookings of a practitioner that a schedule does not cover. */
	private List<Booking> stranded(String practitionerId, Schedule schedule) {
		Instant now = this.clock.instant();
		Map<String, Booking> found = new LinkedHashMap<>();
		for (Engagement engagement : this.practitionerDays.bookings(practitionerId, now,
				now.plus(this.policy.horizon()).plus(Duration.ofDays(1)))) {
			CatalogLocation location = this.catalog.location(engagement.locationId()).orElse(null);
			if (location == null
					|| schedule.covers(location.id(), location.zone(), engagement.start(), engagement.end())) {
				continue;
			}
			this.bookings.confirmedHolding(engagement.owner())
				.ifPresent(booking -> found.putIfAbsent(booking.id(), booking));
		}
		return new ArrayList<>(found.values());
	}

}
