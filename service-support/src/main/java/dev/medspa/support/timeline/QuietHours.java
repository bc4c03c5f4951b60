package dev.medspa.support.timeline;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The night, in a location's zone, when no message should arrive and no offer should wait
 * for an answer: from {@code start} to {@code end} the next morning (21:00 to 08:00 by
 * default).
 */
public record QuietHours(LocalTime start, LocalTime end) {

	/** Messages pulled before the night go this long before it starts. */
	private static final java.time.Duration EVENING_MARGIN = java.time.Duration.ofMinutes(30);

	public boolean contains(Instant instant, ZoneId zone) {
		LocalTime local = instant.atZone(zone).toLocalTime();
		if (this.start.isAfter(this.end)) {
			return !local.isBefore(this.start) || local.isBefore(this.end);
		}
		return !local.isBefore(this.start) && local.isBefore(this.end);
	}

	/** The instant itself, or the morning after the night it falls in. */
	public Instant later(Instant instant, ZoneId zone) {
		if (!contains(instant, zone)) {
			return instant;
		}
		ZonedDateTime local = instant.atZone(zone);
		ZonedDateTime morning = local.toLocalDate().atTime(this.end).atZone(zone);
		return morning.isAfter(local) ? morning.toInstant() : morning.plusDays(1).toInstant();
	}

	/** The instant itself, or the evening before the night it falls in. */
	public Instant earlier(Instant instant, ZoneId zone) {
		if (!contains(instant, zone)) {
			return instant;
		}
		ZonedDateTime local = instant.atZone(zone);
		ZonedDateTime evening = local.toLocalDate().atTime(this.start).atZone(zone).minus(EVENING_MARGIN);
		return evening.isBefore(local) ? evening.toInstant() : evening.minusDays(1).toInstant();
	}

}
