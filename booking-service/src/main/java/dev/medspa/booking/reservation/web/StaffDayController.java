package dev.medspa.booking.reservation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.intake.IntakeStatuses;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.schedule.Schedule;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.support.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What staff need to run the day: a location's day sheet and a practitioner's agenda. */
@RestController
@Tag(name = "Staff: the day", description = "What staff need to run the day")
class StaffDayController {

	private final CatalogReadModel catalog;

	private final DaySheets daySheets;

	private final dev.medspa.booking.reservation.DayLists days;

	private final Schedules schedules;

	private final Clock clock;

	private final IntakeStatuses intake;

	StaffDayController(CatalogReadModel catalog, DaySheets daySheets, dev.medspa.booking.reservation.DayLists days,
			Schedules schedules, Clock clock, IntakeStatuses intake) {
		this.intake = intake;
		this.catalog = catalog;
		this.daySheets = daySheets;
		this.days = days;
		this.schedules = schedules;
		this.clock = clock;
	}

	/**
	 * Every booking and live hold of a location on a local day, by start, with
	 * practitioner and room.
	 */
	@Operation(summary = "Read a location's day sheet",
			description = "Every booking and live hold of the location on the local `date`, by start, with practitioner and "
					+ "room, and each booking's `intakeStatus` (`DUE`, `COMPLETE`, `NEEDS_REVIEW`, `CLEARED` or "
					+ "`DECLINED`, as intake-service last told; null when it told nothing of the booking); who works "
					+ "there that day with their local hours; and the rooms and devices. 403 when the caller does not "
					+ "work at the location.")
	@GetMapping("/api/staff/day-sheets/{locationId}/{date}")
	DaySheetView daySheet(@PathVariable String locationId,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Authentication caller) {
		LocationScope.require(caller, locationId);
		CatalogLocation location = this.catalog.location(locationId)
			.orElseThrow(() -> Refusal.notFound("Location", "No location has the id " + locationId));
		ZoneId zone = location.zone();
		List<Booking> booked = this.days.atLocation(locationId, date, zone);
		List<StaffBookingView> bookings = StaffBookingView.of(booked,
				this.intake.statusesOf(booked.stream().map(Booking::id).toList()));
		Instant now = this.clock.instant();
		List<HoldView> holds = this.daySheets.load(locationId, date)
			.live(now)
			.stream()
			.filter(claim -> claim.kind() == Claim.Kind.HOLD)
			.map(claim -> new HoldView(claim.practitionerId(), claim.roomId(), claim.start().atZone(zone),
					claim.end().atZone(zone), claim.expiresAt()))
			.toList();
		List<WorkingView> working = this.catalog.practitionersAt(locationId)
			.stream()
			.map(practitioner -> new WorkingView(practitioner.id(), practitioner.displayName(),
					this.schedules.find(practitioner.id())
						.map(schedule -> schedule.rangesAt(locationId, date))
						.orElse(List.of())))
			.filter(view -> !view.hours().isEmpty())
			.toList();
		return new DaySheetView(locationId, location.name(), location.zoneId(), date, working, location.rooms(),
				bookings, holds);
	}

	/** A practitioner's bookings on a local day, at whichever location. */
	@Operation(summary = "Read a practitioner's agenda",
			description = "Their bookings on the local `date` in `zone` (an IANA time zone, default America/Los_Angeles), "
					+ "at whichever location, each with its `intakeStatus` as on the day sheet; only bookings at "
					+ "locations the caller works at are listed.")
	@GetMapping("/api/staff/agenda/{practitionerId}")
	List<StaffBookingView> agenda(@PathVariable String practitionerId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "America/Los_Angeles") String zone, Authentication caller) {
		ZoneId zoneId;
		try {
			zoneId = ZoneId.of(zone);
		}
		catch (java.time.DateTimeException ex) {
			throw Refusal.invalid("zone", "must be an IANA time zone such as America/Los_Angeles");
		}
		List<Booking> booked = this.days.ofPractitioner(practitionerId, date, zoneId)
			.stream()
			.filter(booking -> dev.medspa.support.security.StaffClaims.worksAt(caller, booking.locationId()))
			.toList();
		return StaffBookingView.of(booked, this.intake.statusesOf(booked.stream().map(Booking::id).toList()));
	}

	/**
	 * @param practitioners who works here that day, with their local hours
	 * @param rooms the location's rooms and devices
	 */
	record DaySheetView(String locationId, String name, String zoneId, LocalDate date, List<WorkingView> practitioners,
			List<CatalogLocation.Room> rooms, List<StaffBookingView> bookings, List<HoldView> holds) {
	}

	record WorkingView(String id, String displayName, List<Schedule.Range> hours) {
	}

	record HoldView(String practitionerId, String roomId, ZonedDateTime start, ZonedDateTime end,
			@org.jspecify.annotations.Nullable Instant expiresAt) {
	}

}
