package dev.medspa.notification.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.medspa.notification.calendar.CalendarInvites.Invite;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CalendarInvitesTest {

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");

	private static final Instant STAMP = Instant.parse("2026-10-20T08:15:00Z");

	@Test
	void requestsANewBookingInTheLocationsZone() throws Exception {
		// 18:00 UTC on 1 December is 10:00 PST (UTC-8)
		Invite invite = invite("2026-12-01T18:00:00Z", LOS_ANGELES, 0, false);
		Calendar calendar = parse(CalendarInvites.render(invite));

		assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Medspa Booking//Notifications//EN");
		assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
		assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
		assertThat(CalendarInvites.mediaType(invite)).isEqualTo(CalendarInvites.MEDIA_TYPE_REQUEST)
			.contains("method=REQUEST");
		assertThat(calendar.<VEvent>getComponents(Component.VEVENT)).hasSize(1);

		VEvent event = event(calendar);
		assertThat(value(event, Property.UID)).isEqualTo("b-1234@medspa.dev");
		assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
		assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261020T081500Z");
		assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
		assertThat(value(event, Property.SUMMARY)).isEqualTo("Your appointment at Evergreen Med Spa");
		assertThat(value(event, Property.LOCATION)).isEqualTo("Walnut Creek, 1480 Locust Street; Walnut Creek, CA");
		assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Please arrive 10 minutes early.\nSee you soon!");

		assertLocal(event, Property.DTSTART, "America/Los_Angeles", "2026-12-01T10:00");
		assertLocal(event, Property.DTEND, "America/Los_Angeles", "2026-12-01T11:00");
		assertThat(timeZoneIds(calendar)).containsExactly("America/Los_Angeles");

		Property organizer = property(event, Property.ORGANIZER);
		assertThat(organizer.getValue()).isEqualTo("mailto:bookings@evergreen.example");
		assertThat(parameter(organizer, Parameter.CN)).isEqualTo("Evergreen Med Spa");
		Property attendee = property(event, Property.ATTENDEE);
		assertThat(attendee.getValue()).isEqualTo("mailto:ana@example.com");
		assertThat(parameter(attendee, Parameter.CN)).isEqualTo("Gomez, Ana");
		assertThat(parameter(attendee, Parameter.ROLE)).isEqualTo("REQ-PARTICIPANT");
		assertThat(parameter(attendee, Parameter.PARTSTAT)).isEqualTo("NEEDS-ACTION");
	}

	@Test
	void cancelsTheSameEventWithAHigherSequence() throws Exception {
		Invite first = invite("2026-12-01T18:00:00Z", LOS_ANGELES, 0, false);
		Invite cancellation = invite("2026-12-01T18:00:00Z", LOS_ANGELES, 2, true);
		Calendar calendar = parse(CalendarInvites.render(cancellation));

		assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
		assertThat(CalendarInvites.mediaType(cancellation)).isEqualTo(CalendarInvites.MEDIA_TYPE_CANCEL)
			.contains("method=CANCEL");
		VEvent event = event(calendar);
		assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
		assertThat(value(event, Property.SEQUENCE)).isEqualTo("2");
		assertThat(value(event, Property.UID))
			.isEqualTo(value(event(parse(CalendarInvites.render(first))), Property.UID))
			.isEqualTo("b-1234@medspa.dev");
		assertThat(property(event, Property.ATTENDEE).getParameter(Parameter.PARTSTAT)).isEmpty();
	}

	@Test
	void usesPhoenixWhichKeepsStandardTimeInSummer() throws Exception {
		// Arizona has no daylight saving time: 17:00 UTC on 15 July is 10:00 MST (UTC-7)
		Calendar calendar = parse(CalendarInvites.render(invite("2026-07-15T17:00:00Z", PHOENIX, 0, false)));

		assertLocal(event(calendar), Property.DTSTART, "America/Phoenix", "2026-07-15T10:00");
		assertThat(timeZoneIds(calendar)).containsExactly("America/Phoenix");
	}

	@Test
	void followsDaylightSavingTimeOnBothSidesOfTheChange() throws Exception {
		// clocks in California fell back at 02:00 on 1 November 2026: 17:00 UTC is 09:00
		// PST
		assertLocal(event(parse(CalendarInvites.render(invite("2026-11-01T17:00:00Z", LOS_ANGELES, 0, false)))),
				Property.DTSTART, "America/Los_Angeles", "2026-11-01T09:00");
		// and sprang forward at 02:00 on 8 March 2026: 17:00 UTC is 10:00 PDT
		assertLocal(event(parse(CalendarInvites.render(invite("2026-03-08T17:00:00Z", LOS_ANGELES, 0, false)))),
				Property.DTSTART, "America/Los_Angeles", "2026-03-08T10:00");
	}

	@Test
	void writesCrlfLinesFoldedAt75OctetsOfUtf8() throws Exception {
		Instant start = Instant.parse("2026-12-01T18:00:00Z");
		String description = "Bitte 10 Minuten früher kommen. Ñandú, Øresund, Ærø, Åsa, Ülkü, İğdır, 日本語のテキスト, 😀 "
			.repeat(3)
			.strip();
		String text = CalendarInvites
			.render(new Invite("b-1234@medspa.dev", 0, false, start, start.plusSeconds(3600), LOS_ANGELES,
					"Your appointment", "Walnut Creek", description, "bookings@evergreen.example", "Evergreen Med Spa",
					"ana@example.com", "Ana María Gómez-Núñez de la Peña y Hernández Castañeda", STAMP));

		assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		assertThat(text.split("\r\n"))
			.allSatisfy((line) -> assertThat(line.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(75));
		assertThat(text.split("\r\n")).anySatisfy((line) -> assertThat(line).startsWith(" "));
		assertThat(text).contains("\r\nDTSTART;TZID=America/Los_Angeles:20261201T100000\r\n");

		VEvent event = event(parse(text));
		assertThat(value(event, Property.DESCRIPTION)).isEqualTo(description);
		assertThat(parameter(property(event, Property.ATTENDEE), Parameter.CN))
			.isEqualTo("Ana María Gómez-Núñez de la Peña y Hernández Castañeda");
	}

	@Test
	void takesTimeZonesFromTheBundledDefinitionsWithoutGoingOnline() {
		// the default in ical4j 4.4 is off as well, so first make sure our file is read
		assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
		assertThat(new TimeZoneUpdater().isEnabled()).isFalse();

		// any URL connection ical4j opened to refresh a definition would ask for a proxy
		List<URI> requested = new CopyOnWriteArrayList<>();
		ProxySelector original = ProxySelector.getDefault();
		ProxySelector.setDefault(new ProxySelector() {

			@Override
			public List<Proxy> select(URI uri) {
				requested.add(uri);
				return List.of(Proxy.NO_PROXY);
			}

			@Override
			public void connectFailed(URI uri, SocketAddress address, IOException ex) {
			}

		});
		try {
			// a zone no other test loads, so its definition is read now
			String text = CalendarInvites
				.render(invite("2026-12-01T20:00:00Z", ZoneId.of("Pacific/Honolulu"), 0, false));
			assertThat(text).contains("TZID:Pacific/Honolulu")
				.contains("DTSTART;TZID=Pacific/Honolulu:20261201T100000");
		}
		finally {
			ProxySelector.setDefault(original);
		}
		assertThat(requested).isEmpty();
	}

	@Test
	void refusesAnEndBeforeTheStartAndZonesWithoutADefinition() {
		Instant start = Instant.parse("2026-12-01T18:00:00Z");
		assertThatIllegalArgumentException().isThrownBy(() -> new Invite("b-1@medspa.dev", 0, false, start, start,
				LOS_ANGELES, "s", "l", "d", "o@example.com", "O", "a@example.com", "A", STAMP));
		assertThatIllegalArgumentException().isThrownBy(
				() -> CalendarInvites.render(new Invite("b-1@medspa.dev", 0, false, start, start.plusSeconds(3600),
						ZoneId.of("+02:00"), "s", "l", "d", "o@example.com", "O", "a@example.com", "A", STAMP)));
	}

	private static Invite invite(String start, ZoneId zone, int sequence, boolean cancelled) {
		Instant begins = Instant.parse(start);
		return new Invite("b-1234@medspa.dev", sequence, cancelled, begins, begins.plusSeconds(3600), zone,
				"Your appointment at Evergreen Med Spa", "Walnut Creek, 1480 Locust Street; Walnut Creek, CA",
				"Please arrive 10 minutes early.\nSee you soon!", "bookings@evergreen.example", "Evergreen Med Spa",
				"ana@example.com", "Gomez, Ana", STAMP);
	}

	private static Calendar parse(String text) throws IOException, ParserException {
		return new CalendarBuilder().build(new StringReader(text));
	}

	private static VEvent event(Calendar calendar) {
		return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
	}

	private static List<String> timeZoneIds(Calendar calendar) {
		return calendar.<VTimeZone>getComponents(Component.VTIMEZONE)
			.stream()
			.map((zone) -> zone.getTimeZoneId().getValue())
			.toList();
	}

	private static Property property(Calendar calendar, String name) {
		return calendar.getProperty(name).orElseThrow(() -> new AssertionError("no " + name));
	}

	private static Property property(Component component, String name) {
		return component.getProperty(name).orElseThrow(() -> new AssertionError("no " + name));
	}

	private static String value(Calendar calendar, String name) {
		return property(calendar, name).getValue();
	}

	private static String value(Component component, String name) {
		return property(component, name).getValue();
	}

	private static String parameter(Property property, String name) {
		return property.getParameter(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
	}

	/**
	 * The TZID and the wall-clock time, as a calendar client reads them: the local time
	 * is resolved through the VTIMEZONE that came with the calendar.
	 */
	private static void assertLocal(VEvent event, String name, String tzid, String localDateTime) {
		DateProperty<?> property = (DateProperty<?>) property(event, name);
		assertThat(parameter(property, Parameter.TZID)).isEqualTo(tzid);
		Temporal date = property.getDate();
		assertThat(LocalDateTime.from(date)).isEqualTo(LocalDateTime.parse(localDateTime));
		assertThat(property.getValue()).isEqualTo(localDateTime.replace("-", "").replace(":", "") + "00");
	}

}
