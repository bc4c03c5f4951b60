package dev.medspa.benchmark;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What the run is doing, on standard error, so the table stays alone on standard out. */
final class Progress {

	private Progress() {
	}

	static void say(String format, Object... args) {
		System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + format.formatted(args));
	}

}
