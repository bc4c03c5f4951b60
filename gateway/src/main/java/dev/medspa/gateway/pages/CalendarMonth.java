package dev.medspa.gateway.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A month as a calendar of weeks starting on Monday, each day marked as having free times
 * or not.
 *
 * @param weeks seven cells a week; a null cell lies outside the month
 */
public record CalendarMonth(YearMonth month, List<List<@Nullable Day>> weeks, boolean hasPrevious, boolean hasNext) {

	static CalendarMonth of(YearMonth month, Set<LocalDate> available, LocalDate firstBookable,
			LocalDate lastBookable) {
		List<List<@Nullable Day>> weeks = new ArrayList<>();
		List<@Nullable Day> week = new ArrayList<>();
		int leading = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
		for (int i = 0; i < leading; i++) {
			week.add(null);
		}
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate date = month.atDay(d);
			week.add(new Day(date, available.contains(date)));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(null);
			}
			weeks.add(week);
		}
		return new CalendarMonth(month, weeks, month.isAfter(YearMonth.from(firstBookable)),
				month.isBefore(YearMonth.from(lastBookable)));
	}

	public String title() {
		return this.month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + this.month.getYear();
	}

	public YearMonth previous() {
		return this.month.minusMonths(1);
	}

	public YearMonth next() {
		return this.month.plusMonths(1);
	}

	public record Day(LocalDate date, boolean available) {

		public String label() {
			return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US) + ", "
					+ date.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + date.getDayOfMonth()
					+ (available ? ", times free" : ", no free times");
		}

	}

}
