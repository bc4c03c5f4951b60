package dev.medspa.notification.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import dev.medspa.support.calendar.ContentLines;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Renders the calendar invitation that goes with a booking e-mail, so the client's own
 * calendar shows the appointment at the spa's local time and later updates or a
 * cancellation replace that same entry (same UID, higher SEQUENCE) instead of adding a
 * second one.
 * <p>
 * Times are written in the location's zone with its VTIMEZONE rather than in UTC, so that
 * calendars keep the appointment at the right wall-clock time across daylight saving
 * changes. The VTIMEZONE comes from the definitions bundled in the ical4j jar; online
 * updates are switched off in {@code ical4j.properties} because nothing here may reach
 * the internet.
 */
public final class CalendarInvites {

	/** Product identifier of the calendars this service writes. */
	public static final String PRODID = "-//Medspa Booking//Notifications//EN";

	/** Content type of the MIME part carrying a new or changed booking. */
	public static final String MEDIA_TYPE_REQUEST = "text/calendar; charset=UTF-8; method=REQUEST";

	/** Content type of the MIME part carrying a cancelled booking. */
	public static final String MEDIA_TYPE_CANCEL = "text/calendar; charset=UTF-8; method=CANCEL";

	private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	private CalendarInvites() {
	}

	/**
	 * One booking as a calendar event.
	 *
	 * @param uid stable per booking, e.g. "&lt;bookingId&gt;@medspa.dev"
	 * @param sequence raised on every change of the booking (0 first)
	 * @param cancelled true renders METHOD:CANCEL and STATUS:CANCELLED; false
	 * METHOD:REQUEST, STATUS:CONFIRMED
	 * @param start the appointment's start
	 * @param end the appointment's end, after the start
	 * @param zone the location's IANA zone: DTSTART/DTEND carry TZID=&lt;zone&gt; and the
	 * calendar has that zone's VTIMEZONE
	 * @param summary the event title (the caller keeps treatment names out of it)
	 * @param location the spa's name and address
	 * @param description plain text shown in the event's notes
	 * @param organizerEmail the address replies go to
	 * @param organizerName the spa as it should appear to the client
	 * @param attendeeEmail the client's address
	 * @param attendeeName the client's name
	 * @param stamp DTSTAMP (the instant the message is rendered; pass a clock's instant)
	 */
	public record Invite(String uid, int sequence, boolean cancelled, Instant start, Instant end, ZoneId zone,
			String summary, String location, String description, String organizerEmail, String organizerName,
			String attendeeEmail, String attendeeName, Instant stamp) {

		public Invite {
			if (uid.isBlank()) {
				throw new IllegalArgumentException("uid must not be blank");
			}
			if (sequence < 0) {
				throw new IllegalArgumentException("sequence must not be negative: " + sequence);
			}
			if (!end.isAfter(start)) {
				throw new IllegalArgumentException("end " + end + " must be after start " + start);
			}
			Objects.requireNonNull(zone, "zone");
			Objects.requireNonNull(summary, "summary");
			Objects.requireNonNull(location, "location");
			Objects.requireNonNull(description, "description");
			Objects.requireNonNull(organizerName, "organizerName");
			Objects.requireNonNull(attendeeName, "attendeeName");
			Objects.requireNonNull(stamp, "stamp");
			mailto(organizerEmail);
			mailto(attendeeEmail);
		}

	}

	/**
	 * The full VCALENDAR text of an invitation, lines ending in CRLF and folded at 75
	 * octets as RFC 5545 requires.
	 */
	public static String render(Invite invite) {
		VEvent event = new VEvent(false);
		event.add(new Uid(invite.uid()));
		event.add(new Sequence(invite.sequence()));
		event.add(new DtStamp(invite.stamp()));
		event.add(new DtStart<>(invite.start().atZone(invite.zone())));
		event.add(new DtEnd<>(invite.end().atZone(invite.zone())));
		event.add(new Summary(invite.summary()));
		event.add(new Location(invite.location()));
		event.add(new Description(invite.description()));
		event.add(new Organizer(parameters(new Cn(invite.organizerName())), mailto(invite.organizerEmail())));
		event.add(new Attendee(
				invite.cancelled() ? parameters(new Cn(invite.attendeeName()), Role.REQ_PARTICIPANT)
						: parameters(new Cn(invite.attendeeName()), Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION),
				mailto(invite.attendeeEmail())));
		event.add(invite.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);

		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODID));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(invite.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
		calendar.add(timeZone(invite.zone()));
		calendar.add(event);

		return ContentLines.fold(calendar.toString());
	}

	/** {@link #MEDIA_TYPE_REQUEST} or {@link #MEDIA_TYPE_CANCEL}, matching the METHOD. */
	public static String mediaType(Invite invite) {
		return invite.cancelled() ? MEDIA_TYPE_CANCEL : MEDIA_TYPE_REQUEST;
	}

	private static VTimeZone timeZone(ZoneId zone) {
		TimeZone timeZone = TIME_ZONES.getTimeZone(zone.getId());
		if (timeZone == null) {
			throw new IllegalArgumentException("No time zone definition bundled for " + zone.getId());
		}
		return timeZone.getVTimeZone();
	}

	private static ParameterList parameters(Parameter... parameters) {
		return new ParameterList(List.of(parameters));
	}

	private static URI mailto(String email) {
		if (email.isBlank() || email.contains(":") || email.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("Not an e-mail address: " + email);
		}
		return URI.create("mailto:" + email);
	}

}
