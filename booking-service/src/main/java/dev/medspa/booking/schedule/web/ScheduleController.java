package dev.medspa.booking.schedule.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.reservation.ScheduleChanges;
import dev.medspa.booking.schedule.Schedule;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.support.Refusal;
import dev.medspa.support.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff keep practitioners' schedules. A schedule is replaced whole, from the version
 * read (If-Match; use "0" for a practitioner without one yet). A change that would leave
 * confirmed bookings outside the hours is refused with their list (409
 * {@code strands-bookings}) unless {@code confirm=true}; then they need attention.
 */
@RestController
@Tag(name = "Staff: schedules", description = "Practitioners' working hours and time off")
@RequestMapping("/api/staff/schedules")
class ScheduleController {

	private final Schedules schedules;

	private final ScheduleChanges changes;

	private final CatalogReadModel catalog;

	ScheduleController(Schedules schedules, ScheduleChanges changes, CatalogReadModel catalog) {
		this.schedules = schedules;
		this.changes = changes;
		this.catalog = catalog;
	}

	@Operation(summary = "Read a practitioner's schedule",
			description = "Weekly hours per location and the dated exceptions (time off, extra hours), with the version as "
					+ "a strong ETag; 404 when the practitioner has no schedule yet.")
	@GetMapping("/{practitionerId}")
	ResponseEntity<Schedule> get(@PathVariable String practitionerId) {
		Schedule schedule = this.schedules.find(practitionerId)
			.orElseThrow(() -> Refusal.notFound("Schedule", practitionerId + " has no schedule yet"));
		return ResponseEntity.ok().eTag(Versions.etag(schedule.version())).body(schedule);
	}

	@Operation(summary = "Replace a practitioner's schedule",
			description = "The whole schedule at once, from the version read: send its ETag in If-Match (`\"0\"` for a "
					+ "practitioner without a schedule; 428 without it, 412 when someone changed it since). A change that "
					+ "would leave confirmed bookings outside the hours is refused with their list (409 "
					+ "`strands-bookings`) unless `confirm=true`; then they need attention. A manager keeps the "
					+ "schedules of practitioners who work at one of their locations, and must send hours at other "
					+ "locations back as they were (403 otherwise).")
	@PutMapping("/{practitionerId}")
	ResponseEntity<Schedule> replace(@PathVariable String practitionerId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestParam(defaultValue = "false") boolean confirm, @Valid @RequestBody ScheduleRequest request,
			Authentication caller) {
		ScheduleScope.require(caller, practitionerId, this.schedules, this.catalog, request.weeklyHours(),
				request.exceptionList());
		Schedule schedule = this.changes
			.replace(practitionerId, Versions.expected(ifMatch), request.weeklyHours(), request.exceptionList(),
					confirm)
			.schedule();
		return ResponseEntity.ok().eTag(Versions.etag(schedule.version())).body(schedule);
	}

	/**
	 * @param weekly ranges per weekday and location, local to the location; several a day
	 * make breaks
	 * @param exceptions time off (whole day without start and end) or extra hours on a
	 * date
	 */
	record ScheduleRequest(@NotNull @Size(max = 100) @Nullable List<@Valid @NotNull Weekly> weekly,
			@Size(max = 500) @Nullable List<@Valid @NotNull DatedException> exceptions) {

		@SuppressWarnings("NullAway") // validated
		List<Schedule.WeeklyHours> weeklyHours() {
			return this.weekly.stream()
				.map(w -> new Schedule.WeeklyHours(w.locationId(), w.day(), w.start(), w.end()))
				.toList();
		}

		@SuppressWarnings("NullAway") // validated
		List<Schedule.Exception> exceptionList() {
			return this.exceptions == null ? List.of()
					: this.exceptions.stream()
						.map(e -> new Schedule.Exception(e.date(), e.kind(), e.locationId(), e.start(), e.end()))
						.toList();
		}

	}

	record Weekly(@NotBlank @Nullable String locationId, @NotNull @Nullable DayOfWeek day,
			@NotNull @Nullable LocalTime start, @NotNull @Nullable LocalTime end) {
	}

	record DatedException(@NotNull @Nullable LocalDate date, @NotNull Schedule.@Nullable ExceptionKind kind,
			@Nullable String locationId, @Nullable LocalTime start, @Nullable LocalTime end) {
	}

}
