package dev.medspa.booking;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import dev.medspa.testsupport.StoreQueries;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A practitioner's private calendar feed, against the real store: issued by a manager of
 * the location, read by a calendar app with its token only, following every change of the
 * bookings, and gone once revoked. Rendered afresh on every poll here (no cache), so each
 * change shows at the next one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
@Import(CalendarFeedTest.Setup.class)
@TestPropertySource(properties = "medspa.booking.feeds.cache-for=PT0S")
class CalendarFeedTest {

	private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	/** Monday 14 December 2026; the clock starts a week before, at 08:00 in LA. */
	private static final LocalDate DAY = LocalDate.of(2026, 12, 14);

	private static final String FEEDS = "/api/staff/locations/" + CatalogFixtures.WALNUT_CREEK + "/feeds";

	static final StoreQueries QUERIES = new StoreQueries();

	@TestConfiguration(proxyBeanMethods = false)
	static class Setup {

		@Bean
		MutableClock clock() {
			return new MutableClock(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
		}

		@Bean
		MongoClientSettingsBuilderCustomizer watchQueries() {
			return QUERIES.customizer();
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void clinic() {
		this.clock.set(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
	}

	@Test
	void aPractitionersFeedFollowsTheirBookingsInTheLocationsZoneUntilItIsRevoked() throws Exception {
		String issued = this.mvc
			.perform(json(post(FEEDS), "{\"practitionerId\":\"" + CatalogFixtures.PRACTITIONER + "\"}")
				.with(Staff.managerAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.practitionerId").value(CatalogFixtures.PRACTITIONER))
			.andExpect(jsonPath("$.createdBy").value("manager@clinic.example"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String feedId = JsonPath.read(issued, "$.id");
		String path = JsonPath.read(issued, "$.path");
		assertThat(path).matches("/feeds/[A-Za-z0-9_-]{43}\\.ics");
		String token = path.substring("/feeds/".length(), path.length() - ".ics".length());

		// only the token's hash is stored
		String stored = this.mongo.findAll(org.bson.Document.class, "calendar_feeds").toString();
		assertThat(stored).doesNotContain(token).contains(sha256(token));

		String id = book(at(DAY, 10, 0), "Ana Gomez", "ana.gomez@example.com");
		MockHttpServletResponse first = fetch(path, null);
		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(first.getContentType()).startsWith("text/calendar");
		assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).contains("private");
		String body = first.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("Gomez").doesNotContain("@example.com").doesNotContain("555 0199");
		Calendar calendar = parse(body);
		assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE))
			.extracting(zone -> zone.getTimeZoneId().getValue())
			.containsExactly("America/Los_Angeles");
		VEvent event = event(calendar, id).orElseThrow();
		assertThat(value(event, Property.SUMMARY)).isEqualTo("Micro-needling consultation — Ana");
		assertThat(value(event, Property.LOCATION)).isEqualTo("Walnut Creek, walnut-creek-consult");
		assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
		assertLocal(event, Property.DTSTART, at(DAY, 10, 0));
		assertLocal(event, Property.DTEND, at(DAY, 10, 30));

		// nothing changed: the app's copy is still good
		String etag = first.getHeader(HttpHeaders.ETAG);
		assertThat(fetch(path, etag).getStatus()).isEqualTo(304);
		// calendar apps may ask with HEAD first: the same status and validator (the
		// servlet container leaves the body out)
		MockHttpServletResponse head = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head(path))
			.andReturn()
			.getResponse();
		assertThat(head.getStatus()).isEqualTo(200);
		assertThat(head.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);

		this.mvc
			.perform(json(post("/api/staff/bookings/" + id + "/reschedule"),
					"{\"start\":\"" + iso(at(DAY.plusDays(1), 9, 0)) + "\"}")
				.with(Staff.owner()))
			.andExpect(status().isOk());
		MockHttpServletResponse moved = fetch(path, etag);
		assertThat(moved.getStatus()).isEqualTo(200);
		assertThat(moved.getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
		VEvent movedEvent = event(parse(moved.getContentAsString(StandardCharsets.UTF_8)), id).orElseThrow();
		assertLocal(movedEvent, Property.DTSTART, at(DAY.plusDays(1), 9, 0));
		assertThat(value(movedEvent, Property.SEQUENCE)).isEqualTo("1");

		this.mvc
			.perform(json(post("/api/staff/bookings/" + id + "/cancel"), "{\"reason\":\"Client called\"}")
				.with(Staff.owner()))
			.andExpect(status().isOk());
		assertThat(event(parse(fetch(path, null).getContentAsString(StandardCharsets.UTF_8)), id)).isEmpty();

		this.mvc.perform(delete(FEEDS + "/" + feedId).with(Staff.managerAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get(path))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/not-found"));
		this.mvc.perform(delete(FEEDS + "/" + feedId).with(Staff.owner())).andExpect(status().isNotFound());
	}

	@Test
	void aLocationsFeedNamesThePractitionerAndReachesAWeekBack() throws Exception {
		String path = JsonPath.read(this.mvc.perform(json(post(FEEDS), "{}").with(Staff.owner()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.practitionerId").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.path");
		String id = book(at(DAY, 11, 0), "Gomez, Beatriz", "beatriz@example.com");

		VEvent event = event(parse(fetch(path, null).getContentAsString(StandardCharsets.UTF_8)), id).orElseThrow();
		assertThat(value(event, Property.SUMMARY)).isEqualTo("Micro-needling consultation — Beatriz");
		assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Practitioner: " + CatalogFixtures.PRACTITIONER);
		assertThat(value(event, Property.UID)).isEqualTo(id + ".staff@medspa.dev");

		// a poll reads the feed, the day lists and the bookings by _id only
		List<StoreQueries.Query> queries = QUERIES.during(() -> {
			try {
				fetch(path, null);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		// (the outbox relay's own polls run beside it, on other collections)
		assertThat(queries).extracting(StoreQueries.Query::collection)
			.contains("calendar_feeds", "day_lists", "bookings");
		assertThat(StoreQueries.scans(queries)).extracting(StoreQueries.Query::collection)
			.doesNotContain("calendar_feeds", "day_lists", "bookings", "catalog_locations", "catalog_practitioners",
					"catalog_treatments");

		this.clock.set(at(DAY.plusDays(7), 12, 0).toInstant());
		assertThat(event(parse(fetch(path, null).getContentAsString(StandardCharsets.UTF_8)), id)).isPresent();
		this.clock.set(at(DAY.plusDays(8), 12, 0).toInstant());
		assertThat(event(parse(fetch(path, null).getContentAsString(StandardCharsets.UTF_8)), id)).isEmpty();
	}

	@Test
	void onlyManagersOfTheLocationAndOwnersKeepItsFeeds() throws Exception {
		String practitioner = "{\"practitionerId\":\"" + CatalogFixtures.PRACTITIONER + "\"}";
		this.mvc.perform(json(post(FEEDS), practitioner)).andExpect(status().isUnauthorized());
		this.mvc.perform(json(post(FEEDS), practitioner).with(Staff.managerAt(CatalogFixtures.SCOTTSDALE)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/forbidden"));
		this.mvc.perform(json(post(FEEDS), practitioner).with(Staff.frontDeskAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(FEEDS).with(Staff.frontDeskAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isForbidden());

		this.mvc.perform(json(post(FEEDS), practitioner).with(Staff.managerAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.startsWith(FEEDS + "/")));
		this.mvc.perform(get(FEEDS).with(Staff.owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].covers")
				.value(org.hamcrest.Matchers.hasItem("maya-chen's bookings at Walnut Creek")))
			.andExpect(jsonPath("$[*].path").isEmpty())
			.andExpect(jsonPath("$[*].token").isEmpty());

		// a practitioner unknown, or working elsewhere
		this.catalog.apply(CatalogFixtures.scottsdale(1));
		this.catalog.apply(CatalogFixtures.practitioner("lee-park", CatalogFixtures.SCOTTSDALE));
		this.mvc
			.perform(json(post(FEEDS), "{\"practitionerId\":\"nobody\"}")
				.with(Staff.managerAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/unknown-practitioner"))
			.andExpect(jsonPath("$.errors[0].field").value("practitionerId"));
		this.mvc
			.perform(json(post(FEEDS), "{\"practitionerId\":\"lee-park\"}")
				.with(Staff.managerAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/not-at-location"));
		this.mvc.perform(json(post(FEEDS), "{\"practitionerId\":\"\"}").with(Staff.owner()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("practitionerId"));
		this.mvc.perform(json(post(FEEDS), "{\"who\":\"everyone\"}").with(Staff.owner()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/staff/locations/nowhere/feeds").with(Staff.owner()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/feeds/not-a-token.ics")).andExpect(status().isNotFound());
	}

	private String book(ZonedDateTime start, String name, String email) throws Exception {
		String request = BookingApiTest
			.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, iso(start), email)
			.replace("Ana Gomez", name);
		String body = this.mvc.perform(json(post("/api/bookings"), request))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private MockHttpServletResponse fetch(String path, String etag) throws Exception {
		MockHttpServletRequestBuilder request = get(path);
		if (etag != null) {
			request.header(HttpHeaders.IF_NONE_MATCH, etag);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static Calendar parse(String text) throws Exception {
		return new CalendarBuilder().build(new StringReader(text));
	}

	private static Optional<VEvent> event(Calendar calendar, String bookingId) {
		return calendar.<VEvent>getComponents(Component.VEVENT)
			.stream()
			.filter(event -> value(event, Property.UID).equals(bookingId + ".staff@medspa.dev"))
			.findFirst();
	}

	private static String value(Component component, String name) {
		return component.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
	}

	/** The TZID of the location and the local time, as a calendar app reads them. */
	private static void assertLocal(VEvent event, String name, ZonedDateTime expected) {
		DateProperty<?> property = event.<DateProperty<?>>getProperty(name).orElseThrow();
		assertThat(property.getParameter(Parameter.TZID).map(Parameter::getValue)).contains(LA.getId());
		assertThat(LocalDateTime.from(property.getDate())).isEqualTo(expected.toLocalDateTime());
	}

	private static String sha256(String token) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
	}

	private static ZonedDateTime at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(LA);
	}

	private static String iso(ZonedDateTime time) {
		return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
