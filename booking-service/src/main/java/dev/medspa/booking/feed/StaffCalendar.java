package dev.medspa.booking.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.medspa.support.calendar.ContentLines;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jspecify.annotations.Nullable;

/**
 * Writes a feed as an iCalendar document (RFC 5545) that calendar apps subscribe to: no
 * METHOD (it is published, not sent as an invitation), one VEVENT per booking with its
 * times in the location's zone and that zone's VTIMEZONE, so the appointments stay at
 * their wall-clock time across daylight saving changes. The same bookings always give the
 * same bytes: nothing in the document depends on when it was written, so its hash serves
 * as the ETag.
 * <p>
 * VTIMEZONE definitions come from those bundled in the ical4j jar (updates from the
 * internet are off in {@code ical4j.properties}).
 */
final class StaffCalendar {

	static final String PRODID = "-//Medspa Booking//Staff calendar feed//EN";

	/** How often calendar apps are asked to look again (most poll on their own terms). */
	static final Duration REFRESH = Duration.ofMinutes(15);

	private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	private StaffCalendar() {
	}

	/**
	 * @param name the calendar's name, as the app shows it
	 * @param zone the location's zone
	 * @param entries the bookings, in the order they are written
	 */
	record Sheet(String name, ZoneId zone, List<Entry> entries) {
	}

	/**
	 * One booking.
	 *
	 * @param uid stable per booking, and not the client's invitation's UID
	 * @param sequence raised with every change of the booking
	 * @param modified the last change the booking records (DTSTAMP and LAST-MODIFIED)
	 */
	record Entry(String uid, int sequence, Instant start, Instant end, String summary, String location,
			@Nullable String description, Instant modified) {
	}

	/** The document, CRLF line ends, folded at 75 octets of UTF-8. */
	static String render(Sheet sheet) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODID));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new Name(sheet.name()));
		calendar.add(new XProperty("X-WR-CALNAME", sheet.name()));
		calendar.add(new XProperty("X-WR-TIMEZONE", sheet.zone().getId()));
		calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
		calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
		calendar.add(timeZone(sheet.zone()));
		for (Entry entry : sheet.entries()) {
			calendar.add(event(entry, sheet.zone()));
		}
		return ContentLines.fold(calendar.toString());
	}

	private static VEvent event(Entry entry, ZoneId zone) {
		VEvent event = new VEvent(false);
		event.add(new Uid(entry.uid()));
		event.add(new DtStamp(entry.modified()));
		event.add(new LastModified(entry.modified()));
		event.add(new Sequence(entry.sequence()));
		event.add(new DtStart<>(entry.start().atZone(zone)));
		event.add(new DtEnd<>(entry.end().atZone(zone)));
		event.add(new Summary(entry.summary()));
		event.add(new Location(entry.location()));
		if (entry.description() != null) {
			event.add(new Description(entry.description()));
		}
		event.add(ImmutableStatus.VEVENT_CONFIRMED);
		return event;
	}

	private static net.fortuna.ical4j.model.component.VTimeZone timeZone(ZoneId zone) {
		TimeZone timeZone = TIME_ZONES.getTimeZone(zone.getId());
		if (timeZone == null) {
			throw new IllegalArgumentException("No time zone definition bundled for " + zone.getId());
		}
		return timeZone.getVTimeZone();
	}

}
