package dev.medspa.booking.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When and where a practitioner works: weekly hours per location (several ranges a day,
 * so a break is a gap), and dated exceptions (time off, extra hours). Times are local to
 * the location.
 */
@Document("schedules")
public record Schedule(@Id String practitionerId, List<WeeklyHours> weekly, List<Exception> exceptions, long version) {

	public Schedule {
		weekly = weekly == null ? List.of() : List.copyOf(weekly);
		exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
	}

	/** The hours worked at a location on a date, as local ranges in order. */
	public List<Range> rangesAt(String locationId, LocalDate date) {
		List<Range> ranges = new ArrayList<>();
		boolean dayOff = this.exceptions.stream()
			.anyMatch(e -> e.date().equals(date) && e.kind() == ExceptionKind.TIME_OFF && e.start() == null);
		if (!dayOff) {
			this.weekly.stream()
				.filter(w -> w.day() == date.getDayOfWeek() && w.locationId().equals(locationId))
				.forEach(w -> ranges.add(new Range(w.start(), w.end())));
		}
		for (Exception exception : this.exceptions) {
			if (!exception.date().equals(date) || exception.start() == null || exception.end() == null) {
				continue;
			}
			Range range = new Range(exception.start(), exception.end());
			if (exception.kind() == ExceptionKind.EXTRA_HOURS && locationId.equals(exception.locationId())) {
				ranges.add(range);
			}
			else if (exception.kind() == ExceptionKind.TIME_OFF) {
				List<Range> remaining = new ArrayList<>();
				ranges.forEach(r -> remaining.addAll(r.minus(range)));
				ranges.clear();
				ranges.addAll(remaining);
			}
		}
		ranges.sort(Comparator.comparing(Range::start));
		return ranges;
	}

	/**
	 * Whether the practitioner works at a location for the whole of [start, end), an
	 * interval within one local day of the location's zone.
	 */
	public boolean covers(String locationId, ZoneId zone, Instant start, Instant end) {
		return Range.cover(rangesAt(locationId, start.atZone(zone).toLocalDate()), zone, start, end);
	}

	/**
	 * @param start local time at the location
	 * @param end local time at the location, after start
	 */
	public record WeeklyHours(String locationId, DayOfWeek day, LocalTime start, LocalTime end) {
	}

	/**
	 * A dated change: time off (the whole day when start and end are absent), or extra
	 * hours at a location.
	 */
	public record Exception(LocalDate date, ExceptionKind kind, @Nullable String locationId, @Nullable LocalTime start,
			@Nullable LocalTime end) {
	}

	public enum ExceptionKind {

		TIME_OFF, EXTRA_HOURS

	}

	/** A local time range, end exclusive. */
	public record Range(LocalTime start, LocalTime end) {

		/**
		 * Whether one of the local ranges holds [start, end), an interval within one
		 * local day of the zone; every instant of a day is visited once, DST or not.
		 */
		public static boolean cover(List<Range> ranges, ZoneId zone, Instant start, Instant end) {
			ZonedDateTime from = start.atZone(zone);
			ZonedDateTime to = end.atZone(zone);
			return from.toLocalDate().equals(to.toLocalDate()) && ranges.stream()
				.anyMatch(
						range -> !from.toLocalTime().isBefore(range.start()) && !to.toLocalTime().isAfter(range.end()));
		}

		boolean overlaps(Range other) {
			return this.start.isBefore(other.end) && other.start.isBefore(this.end);
		}

		List<Range> minus(Range cut) {
			if (!overlaps(cut)) {
				return List.of(this);
			}
			List<Range> left = new ArrayList<>();
			if (this.start.isBefore(cut.start)) {
				left.add(new Range(this.start, cut.start));
			}
			if (cut.end.isBefore(this.end)) {
				left.add(new Range(cut.end, this.end));
			}
			return left;
		}

	}

}
