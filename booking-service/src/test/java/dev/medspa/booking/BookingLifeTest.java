package dev.medspa.booking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.TopicReader;
import dev.medspa.testsupport.MutableClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A booking's whole life, on a clock the test moves: manage link, move, cancel, check-in,
 * completion, no-show.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
@Import(BookingLifeTest.Time.class)
class BookingLifeTest {

	private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	/**
	 * Monday 7 December 2026, 08:00 in Walnut Creek: the clock starts a week before the
	 * bookings.
	 */
	private static final LocalDate DAY = LocalDate.of(2026, 12, 14);

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
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
	TopicNames topics;

	@Autowired
	dev.medspa.support.links.EmailCodes codes;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void clinic() {
		this.clock.set(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
	}

	@Test
	void theManageLinkOpensItsOwnBookingOnlyAndOnlyUntilItIsOver() throws Exception {
		Booked ana = book(at(DAY, 9, 0), "ana@example.com");
		Booked ben = book(at(DAY, 10, 0), "ben@example.com");
		this.mvc.perform(get(ana.manageUrl())).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(ana.id()));
		String foreign = ana.id() + "." + ben.token().substring(ben.token().lastIndexOf('.') + 1);
		for (String wrong : List.of(foreign, ana.id() + ".guess", "nonsense", ana.id())) {
			this.mvc.perform(get("/api/manage/" + wrong))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value("This link does not open a booking"));
		}
		this.clock.set(at(DAY, 9, 45).toInstant());
		this.mvc.perform(get(ana.manageUrl())).andExpect(status().isNotFound());
	}

	@Test
	void aClientMovesTheirBookingAndTheOldTimeIsFreedOnlyOnceTheNewOneIsWon() throws Exception {
		Booked ana = book(at(DAY, 11, 0), "move@example.com");
		Booked other = book(at(DAY, 13, 0), "blocker@example.com");

		manage(ana, "reschedule", "{\"start\":\"" + iso(at(DAY, 13, 15)) + "\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/slot-taken"));
		assertThat(owners(DAY)).contains(ana.id() + "#1");

		manage(ana, "reschedule", "{\"start\":\"" + iso(at(DAY.plusDays(1), 9, 0)) + "\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.start").value(iso(at(DAY.plusDays(1), 9, 0))))
			.andExpect(jsonPath("$.version").value(2));
		assertThat(owners(DAY)).doesNotContain(ana.id() + "#1").contains(other.id() + "#1");
		assertThat(owners(DAY.plusDays(1))).contains(ana.id() + "#2");
		book(at(DAY, 11, 0), "taker@example.com");

		manage(ana, "reschedule", "{\"start\":\"" + iso(at(DAY.plusDays(1), 9, 15)) + "\"}").andExpect(status().isOk());
		assertThat(owners(DAY.plusDays(1))).containsOnlyOnce(ana.id() + "#3").doesNotContain(ana.id() + "#2");
	}

	@Test
	void clientsChangeOnlineUntilTheCutOffAndStaffAlwaysWithAReason() throws Exception {
		Booked ana = book(at(DAY, 14, 0), "cutoff@example.com");
		this.clock.set(at(DAY, 14, 0).minusHours(23).toInstant());
		manage(ana, "cancel", "").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/too-late"));
		staff(ana.id(), "cancel", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		staff(ana.id(), "cancel", "{\"reason\":\"Client called in sick\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		assertThat(owners(DAY)).doesNotContain(ana.id() + "#1");
		staff(ana.id(), "cancel", "{\"reason\":\"again\"}").andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK,
						iso(at(DAY, 14, 0)), "next@example.com")))
			.andExpect(status().isCreated());
	}

	@Test
	void checkInThenCompletionRecordsWhenTheTreatmentReallyEnded() throws Exception {
		Booked ana = book(at(DAY, 15, 0), "done@example.com");
		staff(ana.id(), "check-in", "").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/not-today"));
		this.clock.set(at(DAY, 14, 50).toInstant());
		staff(ana.id(), "complete", "").andExpect(status().isConflict());
		staff(ana.id(), "check-in", "").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CHECKED_IN"));
		this.clock.set(at(DAY, 15, 50).toInstant());
		Instant ended = at(DAY, 15, 42).toInstant();
		staff(ana.id(), "complete", "{\"endedAt\":\"" + at(DAY, 16, 30).toInstant() + "\"}")
			.andExpect(status().isBadRequest());
		staff(ana.id(), "complete", "{\"endedAt\":\"" + ended + "\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"));

		List<ConsumerRecord<String, String>> events = eventsOf(ana.id(), 3);
		assertThat(events).extracting(record -> header(record, EventHeaders.TYPE))
			.containsExactly(EventContracts.BOOKING_CONFIRMED.type(), EventContracts.BOOKING_CHECKED_IN.type(),
					EventContracts.BOOKING_COMPLETED.type());
		BookingCompleted completed = EventJson.MAPPER.readValue(events.get(2).value(), BookingCompleted.class);
		assertThat(completed.completedAt()).isEqualTo(ended);
		assertThat(completed.bookingVersion()).isEqualTo(3);
	}

	@Test
	void aNoShowIsRecordedAfterTheStartAndFreesTheRestOfTheSlot() throws Exception {
		Booked ana = book(at(DAY, 16, 0), "absent@example.com");
		staff(ana.id(), "no-show", "").andExpect(status().isConflict());
		this.clock.set(at(DAY, 16, 10).toInstant());
		staff(ana.id(), "no-show", "").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("NO_SHOW"));
		assertThat(owners(DAY)).doesNotContain(ana.id() + "#1");
		staff(ana.id(), "check-in", "").andExpect(status().isConflict());
	}

	@Test
	void staffSeeTheDaySheetOfALocationAndAPractitionersAgenda() throws Exception {
		Booked early = book(at(DAY.plusDays(2), 9, 0), "early@example.com");
		Booked late = book(at(DAY.plusDays(2), 12, 0), "late@example.com");
		this.mvc.perform(get("/api/staff/day-sheets/walnut-creek/" + DAY.plusDays(2)))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(get("/api/staff/day-sheets/walnut-creek/" + DAY.plusDays(2)).with(Staff.frontDeskAt("san-ramon")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/forbidden"));
		this.mvc.perform(get("/api/staff/bookings/" + early.id()).with(Staff.frontDeskAt("san-ramon")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/staff/bookings/" + early.id() + "/check-in").with(Staff.frontDeskAt("san-ramon")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/staff/bookings/" + early.id()).with(Staff.frontDeskAt("walnut-creek")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/staff/day-sheets/walnut-creek/" + DAY.plusDays(2)).with(Staff.owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bookings[*].id").value(org.hamcrest.Matchers.contains(early.id(), late.id())))
			.andExpect(jsonPath("$.bookings[0].roomId").value("walnut-creek-consult"))
			.andExpect(jsonPath("$.practitioners[0].id").value(CatalogFixtures.PRACTITIONER))
			.andExpect(jsonPath("$.practitioners[0].hours[0].start").value("07:00:00"))
			.andExpect(jsonPath("$.rooms[0].id").value("walnut-creek-consult"))
			.andExpect(jsonPath("$.bookings[0].client.consentToSms").value(true));
		this.mvc
			.perform(get("/api/staff/agenda/" + CatalogFixtures.PRACTITIONER + "?date=" + DAY.plusDays(2))
				.with(Staff.owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(early.id(), late.id())));
	}

	@Test
	void aHoldKeepsTheSlotDuringCheckoutAndLetsGoByItself() throws Exception {
		String held = hold(at(DAY.plusDays(3), 10, 0));
		tryBook(at(DAY.plusDays(3), 10, 0), "other@example.com", null).andExpect(status().isConflict());
		tryBook(at(DAY.plusDays(3), 10, 0), "holder@example.com", held).andExpect(status().isCreated());
		assertThat(owners(DAY.plusDays(3))).noneMatch(owner -> owner.startsWith("hold:"));

		String abandoned = hold(at(DAY.plusDays(3), 11, 0));
		this.clock.advance(Duration.ofMinutes(11));
		tryBook(at(DAY.plusDays(3), 11, 0), "patient@example.com", null).andExpect(status().isCreated());
		tryBook(at(DAY.plusDays(3), 11, 0), "slow@example.com", abandoned).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/hold-expired"));

		String released = hold(at(DAY.plusDays(3), 13, 0));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.delete("/api/holds/" + released))
			.andExpect(status().isNoContent());
		tryBook(at(DAY.plusDays(3), 13, 0), "next@example.com", null).andExpect(status().isCreated());
	}

	@Test
	void theFirstMicroneedlingNeedsACompletedConsultationAndSessionsKeepTheirSpacing() throws Exception {
		CatalogFixtures.microneedlingWithItsRules(this.catalog);
		String email = "first-timer@example.com";
		tryBook("microneedling", at(DAY.plusDays(4), 9, 0), email).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/consultation-required"));

		Booked consultation = book(at(DAY.plusDays(4), 11, 0), email);
		this.clock.set(at(DAY.plusDays(4), 10, 55).toInstant());
		staff(consultation.id(), "check-in", "").andExpect(status().isOk());
		this.clock.set(at(DAY.plusDays(4), 11, 40).toInstant());
		staff(consultation.id(), "complete", "").andExpect(status().isOk());

		tryBook("microneedling", at(DAY.plusDays(5), 9, 0), "First-Timer@Example.com").andExpect(status().isCreated());
		tryBook("microneedling", at(DAY.plusDays(19), 9, 0), email).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/series-spacing"));
		tryBook("microneedling", at(DAY.plusDays(33), 9, 0), email).andExpect(status().isCreated());

		// only managers and owners book past the rules, and only staff of the location
		// book there
		this.mvc
			.perform(post("/api/staff/bookings?overrideReason=Consulted at another clinic")
				.with(Staff.frontDeskAt(CatalogFixtures.WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request("microneedling", CatalogFixtures.WALNUT_CREEK,
						iso(at(DAY.plusDays(6), 9, 0)), "transfer@example.com")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/staff/bookings").with(Staff.frontDeskAt("san-ramon"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request("microneedling-consultation", CatalogFixtures.WALNUT_CREEK,
						iso(at(DAY.plusDays(6), 12, 0)), "elsewhere@example.com")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/staff/bookings?overrideReason=Consulted at another clinic").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request("microneedling", CatalogFixtures.WALNUT_CREEK,
						iso(at(DAY.plusDays(6), 9, 0)), "transfer@example.com")))
			.andExpect(status().isCreated());
	}

	@Test
	void aClaimLeftByACrashIsReleasedAtTheSecondSweepAndLiveBookingsAreNot(
			@Autowired dev.medspa.booking.reservation.ClaimSweeperAccess sweeper) throws Exception {
		Booked kept = book(at(DAY.plusDays(8), 9, 0), "kept@example.com");
		this.daySheets.claim(CatalogFixtures.WALNUT_CREEK, DAY.plusDays(8),
				sheet -> new Claim("never-stored#1", Claim.Kind.BOOKING, CatalogFixtures.PRACTITIONER,
						"walnut-creek-consult", at(DAY.plusDays(8), 12, 0).toInstant(),
						at(DAY.plusDays(8), 12, 40).toInstant(), null));
		sweeper.sweep();
		assertThat(owners(DAY.plusDays(8))).contains("never-stored#1", kept.id() + "#1");
		sweeper.sweep();
		assertThat(owners(DAY.plusDays(8))).containsExactly(kept.id() + "#1");
	}

	/** Books as a client who proves the address with the code e-mailed to it. */
	private ResultActions tryBook(String treatment, ZonedDateTime start, String email) throws Exception {
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
			.content(BookingApiTest.request(treatment, CatalogFixtures.WALNUT_CREEK, iso(start), email)
				.replaceFirst("\\{", "{\"emailCode\":\"" + this.codes.code(email, this.clock.instant()) + "\",")));
	}

	private String hold(ZonedDateTime start) throws Exception {
		String body = this.mvc
			.perform(post("/api/holds").contentType(MediaType.APPLICATION_JSON)
				.content("{\"treatmentId\":\"" + CatalogFixtures.CONSULTATION + "\",\"locationId\":\""
						+ CatalogFixtures.WALNUT_CREEK + "\",\"start\":\"" + iso(start) + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.start").value(iso(start)))
			.andExpect(jsonPath("$.expiresAt").value(this.clock.instant().plus(Duration.ofMinutes(10)).toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.holdId");
	}

	private ResultActions tryBook(ZonedDateTime start, String email, String holdId) throws Exception {
		String request = BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, iso(start),
				email);
		if (holdId != null) {
			request = request.replaceFirst("\\{", "{\"holdId\":\"" + holdId + "\",");
		}
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(request));
	}

	private record Booked(String id, String token) {

		String manageUrl() {
			return "/api/manage/" + this.token;
		}

	}

	private Booked book(ZonedDateTime start, String email) throws Exception {
		String body = this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, iso(start),
						email)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new Booked(JsonPath.read(body, "$.id"), JsonPath.read(body, "$.manage.token"));
	}

	private ResultActions manage(Booked booked, String action, String json) throws Exception {
		var request = post(booked.manageUrl() + "/" + action);
		if (!json.isEmpty()) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request);
	}

	private ResultActions staff(String id, String action, String json) throws Exception {
		var request = post("/api/staff/bookings/" + id + "/" + action).with(Staff.owner());
		if (!json.isEmpty()) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request);
	}

	private List<String> owners(LocalDate day) {
		return this.daySheets.load(CatalogFixtures.WALNUT_CREEK, day).claims().stream().map(Claim::owner).toList();
	}

	private List<ConsumerRecord<String, String>> eventsOf(String bookingId, int expected) {
		List<ConsumerRecord<String, String>> records = TopicReader.readSettled(this.bootstrapServers,
				this.topics.bookingEvents(), record -> record.key().equals(bookingId), expected, Duration.ZERO);
		assertThat(records).hasSize(expected);
		return records;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static ZonedDateTime at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(LA);
	}

	private static String iso(ZonedDateTime time) {
		return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
