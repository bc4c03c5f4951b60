package dev.medspa.gateway.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A location's day as a picture: a row per practitioner and per room, time across, each
 * booking and hold a block placed by its local start and end, working hours shaded, and a
 * line at now when the day is today. Positions are percentages of the day's span.
 */
public record DaySheetPicture(List<Hour> hours, List<Row> rows, @Nullable Double now) {

	private static final int DEFAULT_FIRST_HOUR = 7;

	private static final int DEFAULT_LAST_HOUR = 20;

	@SuppressWarnings("unchecked")
	static DaySheetPicture of(Map<String, Object> sheet, LocalDate date, Instant now) {
		ZoneId zone = ZoneId.of(String.valueOf(sheet.get("zoneId")));
		List<Map<String, Object>> practitioners = Forms.list(sheet.get("practitioners"));
		List<Map<String, Object>> rooms = Forms.list(sheet.get("rooms"));
		List<Map<String, Object>> bookings = Forms.list(sheet.get("bookings"));
		List<Map<String, Object>> holds = Forms.list(sheet.get("holds"));

		int first = DEFAULT_FIRST_HOUR;
		int last = DEFAULT_LAST_HOUR;
		for (Map<String, Object> practitioner : practitioners) {
			for (Map<String, Object> range : Forms.list(practitioner.get("hours"))) {
				first = Math.min(first, LocalTime.parse(String.valueOf(range.get("start"))).getHour());
				LocalTime end = LocalTime.parse(String.valueOf(range.get("end")));
				last = Math.max(last, end.getMinute() > 0 ? end.getHour() + 1 : end.getHour());
			}
		}
		for (Map<String, Object> booking : bookings) {
			ZonedDateTime start = local(booking.get("start"), zone);
			ZonedDateTime end = local(booking.get("end"), zone);
			if (start.toLocalDate().equals(date)) {
				first = Math.min(first, start.getHour());
			}
			if (end.toLocalDate().equals(date)) {
				last = Math.max(last, Math.min(24, end.getHour() + 1));
			}
		}
		Axis axis = new Axis(date.atTime(first, 0).atZone(zone), date.atTime(0, 0).plusHours(last).atZone(zone));

		List<Hour> hours = new ArrayList<>();
		for (int hour = first; hour < last; hour++) {
			hours.add(new Hour(axis.at(date.atTime(hour, 0).atZone(zone).toInstant()),
					LocalTime.of(hour, 0).format(java.time.format.DateTimeFormatter.ofPattern("h a", Locale.US))));
		}
		List<Row> rows = new ArrayList<>();
		for (Map<String, Object> practitioner : practitioners) {
			String id = String.valueOf(practitioner.get("id"));
			List<Span> working = new ArrayList<>();
			for (Map<String, Object> range : Forms.list(practitioner.get("hours"))) {
				Instant from = date.atTime(LocalTime.parse(String.valueOf(range.get("start"))))
					.atZone(zone)
					.toInstant();
				Instant to = date.atTime(LocalTime.parse(String.valueOf(range.get("end")))).atZone(zone).toInstant();
				working.add(new Span(axis.at(from), axis.width(from, to)));
			}
			rows.add(new Row(String.valueOf(practitioner.get("displayName")), "Practitioner", working,
					blocks(axis, zone, bookings, holds, "practitionerId", id)));
		}
		for (Map<String, Object> room : rooms) {
			String id = String.valueOf(room.get("id"));
			String name = room.get("name") == null ? id : String.valueOf(room.get("name"));
			rows.add(new Row(name, "Room", List.of(), blocks(axis, zone, bookings, holds, "roomId", id)));
		}
		Double nowAt = axis.contains(now) ? axis.at(now) : null;
		return new DaySheetPicture(hours, rows, nowAt);
	}

	private static List<Block> blocks(Axis axis, ZoneId zone, List<Map<String, Object>> bookings,
			List<Map<String, Object>> holds, String key, String id) {
		List<Block> blocks = new ArrayList<>();
		for (Map<String, Object> booking : bookings) {
			if (id.equals(booking.get(key))) {
				Instant start = OffsetDateTime.parse(String.valueOf(booking.get("start"))).toInstant();
				Instant end = OffsetDateTime.parse(String.valueOf(booking.get("end"))).toInstant();
				Object client = booking.get("client");
				String name = client instanceof Map<?, ?> person ? String.valueOf(person.get("name")) : "";
				String status = String.valueOf(booking.get("status"));
				String label = time(start, zone) + " " + name;
				String badge = IntakeStatusWords.badge(booking.get("intakeStatus"));
				blocks.add(
						new Block(axis.at(start), axis.width(start, end), status, label,
								"/staff/bookings/" + booking.get("id"),
								label + " · " + String.valueOf(booking.get("treatmentId")) + " · "
										+ status.toLowerCase(Locale.ROOT) + (badge == null ? "" : " · " + badge),
								badge));
			}
		}
		for (Map<String, Object> hold : holds) {
			if (id.equals(hold.get(key))) {
				Instant start = OffsetDateTime.parse(String.valueOf(hold.get("start"))).toInstant();
				Instant end = OffsetDateTime.parse(String.valueOf(hold.get("end"))).toInstant();
				String label = time(start, zone) + " held";
				blocks.add(new Block(axis.at(start), axis.width(start, end), "HOLD", label, null,
						label + " during a client's checkout", null));
			}
		}
		return blocks;
	}

	private static String time(Instant instant, ZoneId zone) {
		return java.time.format.DateTimeFormatter.ofPattern("h:mm", Locale.US).format(instant.atZone(zone));
	}

	private static ZonedDateTime local(Object time, ZoneId zone) {
		return OffsetDateTime.parse(String.valueOf(time)).atZoneSameInstant(zone);
	}

	private record Axis(ZonedDateTime from, ZonedDateTime to) {

		double at(Instant instant) {
			long total = java.time.Duration.between(this.from, this.to).toSeconds();
			long offset = java.time.Duration.between(this.from.toInstant(), instant).toSeconds();
			return Math.max(0, Math.min(100, 100.0 * offset / total));
		}

		double width(Instant start, Instant end) {
			return Math.max(0.5, at(end) - at(start));
		}

		boolean contains(Instant instant) {
			return !instant.isBefore(this.from.toInstant()) && instant.isBefore(this.to.toInstant());
		}

	}

	public record Hour(double left, String label) {
	}

	/** A practitioner or a room. */
	public record Row(String label, String kind, List<Span> working, List<Block> blocks) {
	}

	public record Span(double left, double width) {
	}

	/**
	 * @param href where a click opens the booking; null for a hold
	 * @param badge a short mark when the booking is not ready as far as forms go (forms
	 * due, answers to review); null otherwise
	 */
	public record Block(double left, double width, String status, String label, @Nullable String href, String title,
			@Nullable String badge) {
	}

}
