package dev.medspa.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The system clock shifted by an offset read from a file (an ISO-8601 duration such as
 * {@code PT3H}), for end-to-end tests that must live through a booking's day: check-in on
 * the day, completion after the start. Only ever used when
 * {@code MEDSPA_TESTING_CLOCK_OFFSET_FILE} is set; a missing or unreadable file means no
 * shift.
 */
final class ShiftableClock extends Clock {

	private final Path offsetFile;

	private final ZoneId zone;

	ShiftableClock(Path offsetFile, ZoneId zone) {
		this.offsetFile = offsetFile;
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ShiftableClock(this.offsetFile, zone);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset());
	}

	private Duration offset() {
		try {
			return Duration.parse(Files.readString(this.offsetFile).trim());
		}
		catch (IOException | DateTimeParseException ex) {
			return Duration.ZERO;
		}
	}

}
