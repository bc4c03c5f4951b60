package dev.medspa.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.BookingStatus;
import dev.medspa.booking.reservation.Client;
import dev.medspa.booking.reservation.NewBooking;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.booking.series.Series;
import dev.medspa.booking.series.SeriesBookings;
import dev.medspa.booking.series.SeriesStatus;
import dev.medspa.support.links.EmailCodes;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A micro-needling course (three sessions, six weeks apart recommended, four at least)
 * booked in one go, against the real store and broker: proposed dates first, every
 * session or none, and a series cut short by a crash finished or undone by the sweeper.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
@Import(SeriesTest.Time.class)
class SeriesTest {

	private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	/** Monday 7 December 2026, 08:00 in Walnut Creek. */
	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	/** The first session's day: within the 90-day horizon, the third one is too. */
	private static final LocalDate FIRST = TODAY.plusDays(2);

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(TODAY.atTime(8, 0).atZone(LA).toInstant());
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
	DaySheets daySheets;

	@Autowired
	EmailCodes codes;

	@Autowired
	SeriesBookings series;

	@Autowired
	BookingService bookings;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	dev.medspa.support.messaging.TopicNames topics;

	@org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void clinic() {
		this.clock.set(TODAY.atTime(8, 0).atZone(LA).toInstant());
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
		CatalogFixtures.microneedlingWithItsRules(this.catalog);
	}

	@Test
	void theProposalSpacesTheSessionsAsRecommendedAtTheNearestFreeTime() throws Exception {
		this.mvc
			.perform(get("/api/series/proposal").param("treatment", "microneedling")
				.param("location", CatalogFixtures.WALNUT_CREEK)
				.param("first", iso(at(FIRST, 19, 0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].due").value(FIRST.toString()))
			.andExpect(jsonPath("$[1].due").value(FIRST.plusWeeks(6).toString()))
			.andExpect(jsonPath("$[2].due").value(FIRST.plusWeeks(12).toString()))
			.andExpect(jsonPath("$[2].start").value(iso(at(FIRST.plusWeeks(12), 19, 0))));
		this.mvc
			.perform(get("/api/series/proposal").param("treatment", CatalogFixtures.CONSULTATION)
				.param("location", CatalogFixtures.WALNUT_CREEK)
				.param("first", iso(at(FIRST, 9, 0))))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/not-a-series"));
	}

	@Test
	void aConsultedClientBooksTheWholeCourseInOneRequest() throws Exception {
		String email = consulted("course@example.com", 10);
		List<ZonedDateTime> starts = List.of(at(FIRST, 10, 0), at(FIRST.plusWeeks(6), 10, 0),
				at(FIRST.plusWeeks(12), 10, 0));
		String body = bookSeries(email, starts).andExpect(status().isCreated())
			.andExpect(jsonPath("$.sessions.length()").value(3))
			.andExpect(jsonPath("$.sessions[2].start").value(iso(starts.get(2))))
			.andExpect(jsonPath("$.sessions[0].manage.token").isNotEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(body, "$.sessions[*].id");
		String seriesId = JsonPath.read(body, "$.seriesId");
		var confirmed = dev.medspa.testsupport.TopicReader.readUntil(this.bootstrapServers, this.topics.bookingEvents(),
				records -> records.stream().filter(record -> ids.contains(record.key())).count() == 3,
				Duration.ofSeconds(20));
		assertThat(confirmed.stream().filter(record -> ids.contains(record.key()))).allSatisfy(
				record -> assertThat(JsonPath.<String>read(record.value(), "$.series.seriesId")).isEqualTo(seriesId))
			.extracting(record -> JsonPath.<Integer>read(record.value(), "$.series.session"))
			.containsExactlyInAnyOrder(1, 2, 3);
		for (int i = 0; i < 3; i++) {
			assertThat(owners(starts.get(i).toLocalDate())).contains(ids.get(i) + "#1")
				.noneMatch(owner -> owner.startsWith("hold:"));
		}
		// moving one session re-checks the spacing against its neighbours; cancelling one
		// keeps the rest
		this.mvc
			.perform(post("/api/staff/bookings/" + ids.get(1) + "/reschedule").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\":\"" + iso(at(FIRST.plusWeeks(2), 10, 0)) + "\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/series-spacing"));
		this.mvc
			.perform(post("/api/staff/bookings/" + ids.get(1) + "/cancel").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Client travels\"}"))
			.andExpect(status().isOk());
		assertThat(List.of(ids.get(0), ids.get(2))).allSatisfy(
				id -> assertThat(this.bookings.find(id).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED));
		// a session below the minimum spacing is refused before anything is held
		bookSeries(consulted("tooclose@example.com", 11), List.of(at(FIRST, 11, 0), at(FIRST.plusWeeks(3), 11, 0)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/series-spacing"))
			.andExpect(jsonPath("$.errors[0].field").value("starts[1]"));
		assertThat(owners(FIRST)).noneMatch(owner -> owner.startsWith("hold:"));
	}

	@Test
	void aCourseStartingAMonthAheadReachesPastTheHorizonForItsLaterSessionsOnly() throws Exception {
		String email = consulted("far@example.com", 18);
		LocalDate first = TODAY.plusDays(30);
		this.mvc
			.perform(get("/api/series/proposal").param("treatment", "microneedling")
				.param("location", CatalogFixtures.WALNUT_CREEK)
				.param("first", iso(at(first, 18, 0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[2].start").value(iso(at(first.plusWeeks(12), 18, 0))));
		bookSeries(email, List.of(at(first, 18, 0), at(first.plusWeeks(6), 18, 0), at(first.plusWeeks(12), 18, 0)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sessions.length()").value(3));
		// the first session itself stays within the horizon, and a lone booking too
		bookSeries(consulted("toofar@example.com", 19), List.of(at(TODAY.plusDays(95), 18, 0)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/outside-booking-window"));
		this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK,
						iso(at(first.plusWeeks(12), 10, 0)), "lone@example.com")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/outside-booking-window"));
	}

	@Test
	void whenTheThirdSessionIsTakenNothingStaysClaimedAndTheAnswerSaysWhichAndWhatInstead() throws Exception {
		List<ZonedDateTime> starts = List.of(at(FIRST, 13, 0), at(FIRST.plusWeeks(6), 13, 0),
				at(FIRST.plusWeeks(12), 13, 0));
		this.mvc
			.perform(post("/api/staff/bookings").param("overrideReason", "Consulted elsewhere")
				.with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request("microneedling", CatalogFixtures.WALNUT_CREEK, iso(starts.get(2)),
						"first-come@example.com")))
			.andExpect(status().isCreated());
		String email = consulted("unlucky@example.com", 12);
		List<List<String>> before = starts.stream().map(start -> owners(start.toLocalDate())).toList();

		bookSeries(email, starts).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/series-session-unavailable"))
			.andExpect(jsonPath("$.session").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("starts[2]"))
			.andExpect(jsonPath("$.nearestStarts.length()").value(4));
		for (int i = 0; i < starts.size(); i++) {
			assertThat(owners(starts.get(i).toLocalDate())).as("claims on " + starts.get(i).toLocalDate())
				.containsExactlyInAnyOrderElementsOf(before.get(i));
		}
	}

	@Test
	void aSeriesCutShortBetweenTwoClaimsIsUndoneAndOneCutAfterItsLastIsKept() throws Exception {
		Client client = Client.of("Cut Short", consulted("cut@example.com", 14), "+1 925 555 0150", false);
		Client other = Client.of("Cut Late", consulted("late@example.com", 16), "+1 925 555 0152", false);
		List<Instant> starts = List.of(at(FIRST, 15, 0).toInstant(), at(FIRST.plusWeeks(6), 15, 0).toInstant());
		Series cut = crashed(client, starts, 1);
		Series whole = crashed(other, List.of(at(FIRST, 17, 0).toInstant(), at(FIRST.plusWeeks(6), 17, 0).toInstant()),
				2);
		assertThat(this.bookings.find(cut.bookingId(0))).get()
			.extracting(booking -> booking.status())
			.isEqualTo(BookingStatus.CONFIRMED);

		this.series.sweep();
		assertThat(this.mongo.findById(cut.id(), Series.class).status()).isEqualTo(SeriesStatus.BOOKING);

		this.clock.advance(Duration.ofMinutes(5));
		this.series.sweep();
		assertThat(this.mongo.findById(cut.id(), Series.class).status()).isEqualTo(SeriesStatus.FAILED);
		assertThat(this.bookings.find(cut.bookingId(0))).get()
			.extracting(booking -> booking.status())
			.isEqualTo(BookingStatus.CANCELLED);
		assertThat(owners(FIRST.plusWeeks(6))).noneMatch(owner -> owner.contains(cut.id()))
			.noneMatch(owner -> owner.startsWith(cut.bookingId(1)));
		assertThat(this.mongo.findById(whole.id(), Series.class).status()).isEqualTo(SeriesStatus.CONFIRMED);
		assertThat(this.bookings.find(whole.bookingId(1))).get()
			.extracting(booking -> booking.status())
			.isEqualTo(BookingStatus.CONFIRMED);
	}

	/**
	 * What a crash leaves: the series' record and marker, every session held, and the
	 * first {@code booked} sessions booked.
	 */
	private Series crashed(Client client, List<Instant> starts, int booked) {
		Instant now = this.clock.instant();
		Series series = new Series(java.util.UUID.randomUUID().toString(), "microneedling",
				CatalogFixtures.WALNUT_CREEK, "America/Los_Angeles", starts, client, false, SeriesStatus.BOOKING, null,
				now, now.plus(Duration.ofMinutes(4)), 2);
		this.mongo.insert(series);
		this.mongo.save(new org.bson.Document(Map.of("_id", series.id(), "due", java.util.Date.from(series.due()))),
				SeriesBookings.PENDING);
		for (int i = 0; i < starts.size(); i++) {
			String hold = this.bookings
				.hold("microneedling", CatalogFixtures.WALNUT_CREEK, starts.get(i).atZone(LA).toOffsetDateTime(), null,
						series.holdName(i), Duration.ofMinutes(2))
				.holdId();
			if (i < booked) {
				this.bookings.book(NewBooking.seriesSession("microneedling", CatalogFixtures.WALNUT_CREEK,
						starts.get(i).atZone(LA).toOffsetDateTime(), client, hold, false,
						new dev.medspa.events.booking.BookingConfirmed.SeriesSession(series.id(), i + 1, List.of())),
						series.bookingId(i));
			}
		}
		return series;
	}

	/** A client with a completed consultation today; answers their e-mail. */
	private String consulted(String email, int hour) throws Exception {
		this.clock.set(TODAY.atTime(8, 0).atZone(LA).toInstant());
		String body = this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK,
						iso(at(TODAY, hour, 0)), email)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		this.clock.set(at(TODAY, hour, 0).toInstant());
		staff(id, "check-in");
		this.clock.set(at(TODAY, hour, 40).toInstant());
		staff(id, "complete");
		return email;
	}

	private void staff(String id, String action) throws Exception {
		this.mvc
			.perform(post("/api/staff/bookings/" + id + "/" + action).with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk());
	}

	private ResultActions bookSeries(String email, List<ZonedDateTime> starts) throws Exception {
		String list = String.join(",", starts.stream().map(start -> "\"" + iso(start) + "\"").toList());
		return this.mvc.perform(post("/api/series").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"treatmentId":"microneedling","locationId":"%s","starts":[%s],"emailCode":"%s",
					 "client":{"name":"Series Client","email":"%s","phone":"+1 925 555 0151"}}
					""".formatted(CatalogFixtures.WALNUT_CREEK, list, this.codes.code(email, this.clock.instant()),
					email)));
	}

	private List<String> owners(LocalDate day) {
		return this.daySheets.load(CatalogFixtures.WALNUT_CREEK, day)
			.live(this.clock.instant())
			.stream()
			.map(Claim::owner)
			.toList();
	}

	private static ZonedDateTime at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(LA);
	}

	private static String iso(ZonedDateTime time) {
		return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
