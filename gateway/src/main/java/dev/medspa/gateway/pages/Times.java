package dev.medspa.gateway.pages;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as people read them, always with the zone they are in: "Tuesday, December 1, 2026
 * at 10:00 AM PST".
 */
public final class Times {

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a zzz",
			Locale.US);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter TIME_ZONE = DateTimeFormatter.ofPattern("h:mm a zzz", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

	private Times() {
	}

	public static String full(OffsetDateTime time, String zoneId) {
		return FULL.format(time.atZoneSameInstant(ZoneId.of(zoneId)));
	}

	public static String full(Instant time, String zoneId) {
		return FULL.format(time.atZone(ZoneId.of(zoneId)));
	}

	/** "10:00 AM", for a list of one day's times whose zone is said once. */
	public static String time(OffsetDateTime time, String zoneId) {
		return TIME.format(time.atZoneSameInstant(ZoneId.of(zoneId)));
	}

	public static String timeWithZone(Instant time, String zoneId) {
		return TIME_ZONE.format(time.atZone(ZoneId.of(zoneId)));
	}

	public static String day(java.time.LocalDate date) {
		return DAY.format(date);
	}

	/** A start as a page sends it back (ISO-8601 with its offset). */
	static OffsetDateTime parseStart(String text) {
		try {
			return OffsetDateTime.parse(text);
		}
		catch (java.time.format.DateTimeParseException ex) {
			org.slf4j.LoggerFactory.getLogger(Times.class).info("Unreadable start '{}': {}", text, ex.getMessage());
			throw new PageNotFound("This time could not be read. Please choose it again.");
		}
	}

	/** The zone's abbreviation on that day, such as PST or MST. */
	public static String zoneName(java.time.LocalDate date, String zoneId) {
		ZonedDateTime noon = date.atTime(12, 0).atZone(ZoneId.of(zoneId));
		return DateTimeFormatter.ofPattern("zzz", Locale.US).format(noon) + " (" + zoneId + ")";
	}

}
