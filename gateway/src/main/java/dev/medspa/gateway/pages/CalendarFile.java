package dev.medspa.gateway.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A one-event iCalendar file (RFC 5545) for "add to calendar". Its UID is the one of the
 * invites notification-service e-mails, so a calendar keeps one entry for the booking.
 */
final class CalendarFile {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private CalendarFile() {
	}

	static String of(ManagePages.Managed managed, Instant now) {
		String status = String.valueOf(managed.booking().get("status"));
		StringBuilder ics = new StringBuilder();
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//Evergreen Med Spa//Booking//EN");
		line(ics, "METHOD:PUBLISH");
		line(ics, "BEGIN:VEVENT");
		line(ics, "UID:" + text(managed.booking().get("id") + "@medspa.dev"));
		line(ics, "DTSTAMP:" + UTC.format(now));
		line(ics, "DTSTART:" + UTC.format(managed.start().toInstant()));
		line(ics, "DTEND:" + UTC.format(managed.end().toInstant()));
		line(ics, "SUMMARY:" + text(managed.treatment().name() + " at " + managed.location().name()));
		line(ics, "LOCATION:" + text(managed.location().name() + ", " + managed.location().address().oneLine()));
		line(ics, "STATUS:" + ("CANCELLED".equals(status) ? "CANCELLED" : "CONFIRMED"));
		line(ics, "END:VEVENT");
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	/**
	 * Escapes a TEXT value; line breaks become the literal "\n", never a new property.
	 */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	private static void line(StringBuilder ics, String line) {
		ics.append(line).append("\r\n");
	}

}
