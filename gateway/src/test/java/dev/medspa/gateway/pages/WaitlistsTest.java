package dev.medspa.gateway.pages;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A waitlist window in words, as clients and staff read it. */
class WaitlistsTest {

	@Test
	void datesSayTheYearOnceWhenBothEndsShareIt() {
		assertThat(Waitlists.dates("2026-12-03", "2026-12-20")).isEqualTo("December 3 to December 20, 2026");
		assertThat(Waitlists.dates("2026-12-28", "2027-01-05")).isEqualTo("December 28, 2026 to January 5, 2027");
		assertThat(Waitlists.dates("2026-12-03", "2026-12-03")).isEqualTo("December 3, 2026");
	}

	@Test
	void noneOrAllChosenMeansAny() {
		assertThat(Waitlists.partsOfDay(List.of())).isEqualTo("any time of day");
		assertThat(Waitlists.partsOfDay(List.of("EVENING", "MORNING"))).isEqualTo("mornings or evenings");
		assertThat(Waitlists.weekdays(List.of("FRIDAY", "MONDAY", "WEDNESDAY")))
			.isEqualTo("Mondays, Wednesdays or Fridays");
		assertThat(Waitlists.weekdays(WaitlistForm.WEEKDAYS)).isEqualTo("any day of the week");
		assertThat(Waitlists.weekdays(null)).isEqualTo("any day of the week");
	}

}
