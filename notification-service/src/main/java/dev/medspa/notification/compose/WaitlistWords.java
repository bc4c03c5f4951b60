package dev.medspa.notification.compose;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** A waiter's wishes in plain words, as the waitlist message repeats them. */
final class WaitlistWords {

	private WaitlistWords() {
	}

	/** {@code [MORNING, EVENING]} is "mornings or evenings"; none is any time. */
	static String partsOfDay(List<String> parts) {
		if (parts.isEmpty()) {
			return "any time of day";
		}
		return either(parts.stream().map(part -> part.strip().toLowerCase(Locale.ROOT) + "s").distinct().toList());
	}

	/**
	 * {@code [MONDAY, FRIDAY]} is "Mondays or Fridays", in week order; none is any day.
	 */
	static String weekdays(List<DayOfWeek> days) {
		if (days.isEmpty()) {
			return "any day of the week";
		}
		return either(days.stream()
			.sorted()
			.distinct()
			.map(day -> day.getDisplayName(TextStyle.FULL, Locale.US) + "s")
			.toList());
	}

	private static String either(List<String> words) {
		if (words.size() == 1) {
			return words.get(0);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
	}

}
