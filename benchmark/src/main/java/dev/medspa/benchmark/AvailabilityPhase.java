package dev.medspa.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * P4: a client's two availability questions through the gateway, with the stored history:
 * which of the next 14 days have free times anywhere (the calendar), and one day's times
 * everywhere. The floor is the smallest read through the same gateway, one treatment from
 * the catalog; the three requests take turns, so they share the noise.
 */
final class AvailabilityPhase {

	private static final int CALENDAR_DAYS = 14;

	/** Asked at least this often, however slow the answers. */
	private static final int MINIMUM_ROUNDS = 3;

	private final Http http;

	private final String site;

	AvailabilityPhase(Http http, String site) {
		this.http = http;
		this.site = site;
	}

	Step measure(long history, LocalDate tomorrow, Duration duration) {
		String treatment = "treatment=" + Chain.TREATMENT + "&location=any";
		String calendar = this.site + "/api/availability/days?" + treatment + "&from=" + tomorrow + "&to="
				+ tomorrow.plusDays(CALENDAR_DAYS - 1);
		Timed calendarTimes = new Timed();
		Timed dayTimes = new Timed();
		Timed floor = new Timed();
		long deadline = System.nanoTime() + duration.toNanos();
		for (int i = 0; i < MINIMUM_ROUNDS || System.nanoTime() < deadline; i++) {
			LocalDate day = tomorrow.plusDays(i % CALENDAR_DAYS);
			calendarTimes.add(this.http.get(calendar).expect(200, "The calendar"));
			dayTimes.add(this.http.get(this.site + "/api/availability?" + treatment + "&from=" + day + "&to=" + day)
				.expect(200, "One day's times"));
			floor.add(this.http.get(this.site + "/api/treatments/" + Chain.TREATMENT).expect(200, "The treatment"));
		}
		Step step = new Step(history, calendarTimes.latencies(), calendarTimes.bytes, dayTimes.latencies(),
				dayTimes.bytes, floor.latencies());
		Progress.say(
				"P4 at %,d stored: calendar p50 %.1f ms (%,d bytes), one day p50 %.1f ms (%,d bytes), floor %.1f ms",
				history, step.calendar().p50(), step.calendarBytes(), step.day().p50(), step.dayBytes(),
				step.floor().p50());
		return step;
	}

	static List<Figure> figures(List<Step> steps) {
		List<Figure> figures = new ArrayList<>();
		for (Step step : steps) {
			String at = " (%,d stored)".formatted(step.history());
			String floorName = "one treatment read";
			figures.add(Figure.targeted("P4 14-day calendar p50 ms" + at, step.calendar().p50(), "ms",
					step.floor().p50(), floorName + " (p50)", "<= 20 ms", step.calendar().p50() <= 20));
			figures.add(Figure.targeted("P4 14-day calendar p99 ms" + at, step.calendar().p99(), "ms",
					step.floor().p99(), floorName + " (p99)", "<= 100 ms", step.calendar().p99() <= 100));
			figures.add(Figure.targeted("P4 14-day calendar size" + at, step.calendarBytes(), "bytes", Double.NaN, "",
					"<= 50 KB", step.calendarBytes() <= 50 * 1024));
			figures.add(Figure.targeted("P4 one day's times p50 ms" + at, step.day().p50(), "ms", step.floor().p50(),
					floorName + " (p50)", "<= 20 ms", step.day().p50() <= 20));
			figures.add(Figure.targeted("P4 one day's times p99 ms" + at, step.day().p99(), "ms", step.floor().p99(),
					floorName + " (p99)", "<= 100 ms", step.day().p99() <= 100));
			figures.add(Figure.reported("P4 one day's times size" + at, step.dayBytes(), "bytes", Double.NaN, ""));
		}
		if (steps.size() > 1) {
			Step first = steps.get(0);
			Step last = steps.get(steps.size() - 1);
			// each step over its own floor, so that a busier machine does not pass for
			// growth
			String growth = " at %,d vs %,d stored (each over its floor)".formatted(last.history(), first.history());
			double calendarLast = last.calendar().p50() / last.floor().p50();
			double calendarFirst = first.calendar().p50() / first.floor().p50();
			figures.add(Figure.targeted("P4 growth: calendar p50" + growth, calendarLast, "x", calendarFirst,
					"the same at the smaller history", "ratio <= 1.25", calendarLast <= 1.25 * calendarFirst));
			double dayLast = last.day().p50() / last.floor().p50();
			double dayFirst = first.day().p50() / first.floor().p50();
			figures.add(Figure.targeted("P4 growth: one day's times p50" + growth, dayLast, "x", dayFirst,
					"the same at the smaller history", "ratio <= 1.25", dayLast <= 1.25 * dayFirst));
		}
		return figures;
	}

	/** Answer times and the size of the last answer. */
	private static final class Timed {

		private final ClosedLoop.LongList nanos = new ClosedLoop.LongList();

		private long bytes;

		void add(Http.Answer answer) {
			this.nanos.add(answer.nanos());
			this.bytes = answer.body().getBytes(StandardCharsets.UTF_8).length;
		}

		Latencies latencies() {
			return new Latencies(this.nanos.toArray());
		}

	}

	record Step(long history, Latencies calendar, long calendarBytes, Latencies day, long dayBytes, Latencies floor) {
	}

}
