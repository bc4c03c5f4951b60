package dev.medspa.gateway.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A waitlist place and its offers in words, for the client's pages and the staff's list:
 * "December 3 to 20, 2026 · mornings or evenings · Mondays or Fridays".
 */
final class Waitlists {

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("MMMM d", Locale.US);

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private Waitlists() {
	}

	/** The dates of a window: "December 3 to December 20, 2026". */
	static String dates(@Nullable Object from, @Nullable Object to) {
		LocalDate first = date(from);
		LocalDate last = date(to);
		if (first == null || last == null) {
			return first != null ? "from " + DAY_MONTH_YEAR.format(first)
					: last != null ? "until " + DAY_MONTH_YEAR.format(last) : "any day";
		}
		if (first.equals(last)) {
			return DAY_MONTH_YEAR.format(first);
		}
		return (first.getYear() == last.getYear() ? DAY_MONTH.format(first) : DAY_MONTH_YEAR.format(first)) + " to "
				+ DAY_MONTH_YEAR.format(last);
	}

	/** The parts of the day: "mornings or afternoons", or "any time of day". */
	static String partsOfDay(@Nullable Object parts) {
		List<String> names = names(parts).stream()
			.filter(WaitlistForm.PARTS_OF_DAY::contains)
			.sorted(java.util.Comparator.comparing(WaitlistForm.PARTS_OF_DAY::indexOf))
			.map(part -> part.toLowerCase(Locale.ROOT) + "s")
			.toList();
		return names.isEmpty() || names.size() == WaitlistForm.PARTS_OF_DAY.size() ? "any time of day" : either(names);
	}

	/** The weekdays: "Mondays or Fridays", or "any day of the week". */
	static String weekdays(@Nullable Object weekdays) {
		List<String> names = names(weekdays).stream()
			.filter(WaitlistForm.WEEKDAYS::contains)
			.map(DayOfWeek::valueOf)
			.sorted()
			.map(day -> day.getDisplayName(TextStyle.FULL, Locale.US) + "s")
			.toList();
		return names.isEmpty() || names.size() == 7 ? "any day of the week" : either(names);
	}

	/** A part of the day's label for a checkbox. */
	static String partOfDayLabel(String part) {
		return switch (part) {
			case "MORNING" -> "Morning";
			case "AFTERNOON" -> "Afternoon";
			case "EVENING" -> "Evening";
			default -> part;
		};
	}

	/** A weekday's label for a checkbox. */
	static String weekdayLabel(String day) {
		return DayOfWeek.valueOf(day).getDisplayName(TextStyle.FULL, Locale.US);
	}

	/** A place's status as the client reads it. */
	static String status(@Nullable Object status) {
		return switch (String.valueOf(status)) {
			case "WAITING" -> "Waiting for a time";
			case "OFFERED" -> "A time is offered to you";
			case "BOOKED" -> "Booked";
			case "LEFT" -> "Left the waitlist";
			case "ENDED" -> "Ended";
			case "PAUSED" -> "Paused";
			default -> String.valueOf(status);
		};
	}

	/** What became of an offer, as staff read it. */
	static String offerFate(@Nullable Object status) {
		return switch (String.valueOf(status)) {
			case "OPEN" -> "open, waiting for the client";
			case "CLAIMED" -> "booked by the client";
			case "EXPIRED" -> "ran out unanswered";
			case "TAKEN" -> "taken by someone else first";
			case "WITHDRAWN" -> "withdrawn";
			default -> String.valueOf(status).toLowerCase(Locale.ROOT);
		};
	}

	private static List<String> names(@Nullable Object values) {
		return values instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
	}

	private static String either(List<String> names) {
		if (names.size() == 1) {
			return names.get(0);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

	private static @Nullable LocalDate date(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(String.valueOf(value));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

}
