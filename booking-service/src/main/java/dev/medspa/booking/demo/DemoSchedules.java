package dev.medspa.booking.demo;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import dev.medspa.booking.schedule.Schedule;
import dev.medspa.booking.schedule.Schedule.WeeklyHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import dev.medspa.booking.schedule.Schedules;
import org.springframework.stereotype.Component;

/**
 * Working hours of the demo practitioners (see catalog-service's demo catalog), loaded
 * once: a schedule that exists is left as it is.
 */
@Component
@ConditionalOnBooleanProperty("medspa.booking.demo-data")
class DemoSchedules implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSchedules.class);

	private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

	private final Schedules store;

	DemoSchedules(Schedules store) {
		this.store = store;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Schedule> schedules = List.of(
				schedule("maya-chen",
						hours("walnut-creek", List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
								"09:00-12:30", "13:30-18:00"),
						hours("san-ramon", List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "10:00-19:00")),
				schedule("daniel-ortiz", hours("walnut-creek", WEEKDAYS, "09:00-12:30", "13:30-18:00")),
				schedule("priya-nair",
						hours("san-ramon",
								List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
										DayOfWeek.SATURDAY),
								"10:00-14:00", "14:30-19:00")),
				schedule("sofia-reyes", hours("scottsdale", WEEKDAYS, "08:00-16:00")),
				schedule("james-walker",
						hours("scottsdale",
								List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
								"08:00-12:00")));
		int added = 0;
		for (Schedule schedule : schedules) {
			// one loaded before, perhaps changed since, is left as it is
			if (this.store.addIfAbsent(schedule)) {
				added++;
			}
		}
		log.info("Demo schedules: {} added", added);
	}

	@SafeVarargs
	private static Schedule schedule(String practitioner, List<WeeklyHours>... parts) {
		List<WeeklyHours> weekly = new ArrayList<>();
		for (List<WeeklyHours> part : parts) {
			weekly.addAll(part);
		}
		return new Schedule(practitioner, weekly, List.of(), 1);
	}

	private static List<WeeklyHours> hours(String location, List<DayOfWeek> days, String... ranges) {
		List<WeeklyHours> hours = new ArrayList<>();
		for (DayOfWeek day : days) {
			for (String range : ranges) {
				String[] times = range.split("-");
				hours.add(new WeeklyHours(location, day, LocalTime.parse(times[0]), LocalTime.parse(times[1])));
			}
		}
		return hours;
	}

}
