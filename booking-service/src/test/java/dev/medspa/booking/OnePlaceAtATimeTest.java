package dev.medspa.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.claim.PractitionerDay;
import dev.medspa.booking.claim.PractitionerDays;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingStatus;
import dev.medspa.booking.reservation.ClaimSweeperAccess;
import dev.medspa.booking.schedule.Schedule;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A practitioner is in one place at a time: claims at two locations in two zones are
 * decided against each other by the practitioner's own days, whatever the schedule says,
 * with a travel buffer between locations; starts that availability never offers are
 * refused with the ones it would.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class OnePlaceAtATimeTest {

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");

	private static final String LAKE = "lake-office";

	private static final String DESERT = "desert-office";

	private static final String SHORT_HOURS = "short-hours-office";

	private static final String TRAVELLER = "travelling-tess";

	private static final AtomicInteger DAY = new AtomicInteger(3);

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	DaySheets daySheets;

	@Autowired
	PractitionerDays practitionerDays;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void twoOfficesInTwoZones() {
		this.catalog.apply(CatalogFixtures.consultation(1, true));
		this.catalog.apply(office(LAKE, LOS_ANGELES, List.of()));
		this.catalog.apply(office(DESERT, PHOENIX, List.of()));
		this.catalog.apply(office(SHORT_HOURS, LOS_ANGELES,
				Arrays.stream(DayOfWeek.values())
					.map(day -> new LocationState.OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(12, 0)))
					.toList()));
		this.catalog.apply(
				new PractitionerState(new PractitionerId(TRAVELLER), "Tess", "Aesthetician", List.of("microneedling"),
						List.of(new LocationId(LAKE), new LocationId(DESERT), new LocationId(SHORT_HOURS)), true, 1));
		// Hours that overlap in instants at two locations, as a schedule saved before
		// schedules were checked across locations could have them: the claims alone
		// must keep her in one place.
		List<Schedule.WeeklyHours> everywhere = new ArrayList<>();
		everywhere.addAll(CatalogFixtures.everyDay(LAKE));
		everywhere.addAll(CatalogFixtures.everyDay(DESERT));
		everywhere.addAll(CatalogFixtures.everyDay(SHORT_HOURS));
		this.mongo.save(new Schedule(TRAVELLER, everywhere, List.of(), 1));
	}

	@RepeatedTest(3)
	void ofClientsBookingOnePractitionerAtTwoLocationsForTheSameInstantExactlyOneWins() throws Exception {
		LocalDate day = nextDay();
		Instant instant = day.atTime(10, 0).atZone(LOS_ANGELES).toInstant();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String location = i % 2 == 0 ? LAKE : DESERT;
			ZoneId zone = i % 2 == 0 ? LOS_ANGELES : PHOENIX;
			bodies.add(BookingApiTest.request(CatalogFixtures.CONSULTATION, location, iso(instant.atZone(zone)),
					"racer" + i + "@example.com"));
		}
		List<Integer> statuses = Races.book(this.mvc, bodies);
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		List<Booking> bookings = bookingsOf(TRAVELLER, instant.minus(Duration.ofHours(6)),
				instant.plus(Duration.ofHours(6)));
		assertThat(bookings).hasSize(1);
		assertThat(engagementOwners(instant)).containsExactly(bookings.get(0).id() + "#1");
	}

	@Test
	void anotherLocationMustLeaveTheTravelBufferWhileTheSameLocationMayFollowDirectly() throws Exception {
		LocalDate day = nextDay();
		ZonedDateTime ten = day.atTime(10, 0).atZone(LOS_ANGELES);
		// a consultation occupies 40 minutes: 10:00 to 10:40
		book(LAKE, ten).andExpect(status().isCreated());
		book(DESERT, ten.plusMinutes(45).withZoneSameInstant(PHOENIX)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/slot-taken")));
		book(LAKE, ten.plusMinutes(45)).andExpect(status().isCreated());
		// 10:45 to 11:25 at the lake: the desert is free from 11:55 on
		book(DESERT, ten.plusMinutes(105).withZoneSameInstant(PHOENIX)).andExpect(status().isConflict());
		book(DESERT, ten.plusMinutes(120).withZoneSameInstant(PHOENIX)).andExpect(status().isCreated());
	}

	@Test
	void aCancelledBookingFreesThePractitionerAtEveryLocation() throws Exception {
		LocalDate day = nextDay();
		ZonedDateTime ten = day.atTime(10, 0).atZone(LOS_ANGELES);
		String id = com.jayway.jsonpath.JsonPath.read(
				book(LAKE, ten).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		book(DESERT, ten.withZoneSameInstant(PHOENIX)).andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/staff/bookings/{id}/cancel", id).with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Client called\"}"))
			.andExpect(status().isOk());
		assertThat(engagementOwners(ten.toInstant())).isEmpty();
		book(DESERT, ten.withZoneSameInstant(PHOENIX)).andExpect(status().isCreated());
	}

	@Test
	void aStartOffTheGridIsRefusedWithTheNearestStartsThatCanBeHad() throws Exception {
		ZonedDateTime sevenPast = nextDay().atTime(10, 7).atZone(LOS_ANGELES);
		book(LAKE, sevenPast).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/off-grid")))
			.andExpect(jsonPath("$.errors[0].field").value("start"))
			.andExpect(jsonPath("$.nearestStarts[1]").value(iso(sevenPast.withMinute(0))))
			.andExpect(jsonPath("$.nearestStarts[2]").value(iso(sevenPast.withMinute(15))));
	}

	@Test
	void aLocationTakesBookingsOnlyWhileItIsOpen() throws Exception {
		LocalDate day = nextDay();
		// open 09:00 to 12:00; a consultation occupies 40 minutes
		book(SHORT_HOURS, day.atTime(11, 30).atZone(LOS_ANGELES)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/location-closed")))
			.andExpect(jsonPath("$.nearestStarts[3]").value(iso(day.atTime(11, 15).atZone(LOS_ANGELES))));
		book(SHORT_HOURS, day.atTime(11, 15).atZone(LOS_ANGELES)).andExpect(status().isCreated());
	}

	@Autowired
	dev.medspa.booking.claim.ClaimJournal journal;

	@Test
	void anEngagementLeftByACrashIsReleasedAtTheSecondSweep(@Autowired ClaimSweeperAccess sweeper) {
		Instant noon = nextDay().atTime(12, 0).atZone(LOS_ANGELES).toInstant();
		Claim crashed = new Claim("never-stored#1", Claim.Kind.BOOKING, TRAVELLER, "room", noon,
				noon.plus(Duration.ofMinutes(40)), null);
		// as a claim does: noted in the journal first (by the day sheet's write), then
		// engaged
		this.journal.note(crashed, LAKE);
		assertThat(this.practitionerDays.engage(crashed, LAKE, null, null)).isTrue();
		sweeper.sweep();
		assertThat(engagementOwners(noon)).containsExactly("never-stored#1");
		sweeper.sweep();
		assertThat(engagementOwners(noon)).isEmpty();
	}

	private ResultActions book(String location, ZonedDateTime start) throws Exception {
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
			.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, location, iso(start),
					"client" + System.nanoTime() + "@example.com")));
	}

	private List<Booking> bookingsOf(String practitioner, Instant from, Instant to) {
		return this.mongo
			.find(Query.query(Criteria.where("practitionerId").is(practitioner).and("start").gte(from).lt(to)),
					Booking.class)
			.stream()
			.filter(booking -> booking.status() == BookingStatus.CONFIRMED)
			.toList();
	}

	/** Who engages the traveller on the UTC day of an instant. */
	private List<String> engagementOwners(Instant instant) {
		PractitionerDay day = this.mongo
			.findById(TRAVELLER + "|" + instant.atZone(java.time.ZoneOffset.UTC).toLocalDate(), PractitionerDay.class);
		return day == null ? List.of() : day.engagements().stream().map(PractitionerDay.Engagement::owner).toList();
	}

	private static LocationState office(String id, ZoneId zone, List<LocationState.OpeningHours> hours) {
		List<LocationState.Room> rooms = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			rooms.add(new LocationState.Room(id + "-consult-" + i, "Consultation " + i, "consultation-room", true));
		}
		return new LocationState(new LocationId(id), id, id,
				new LocationState.Address("1 Main Street", "Town", "CA", "94596", "US"), "+1 925 555 0100",
				zone.getId(), rooms, List.of(new TreatmentId(CatalogFixtures.CONSULTATION)), true, 1, hours);
	}

	private static LocalDate nextDay() {
		return LocalDate.now(LOS_ANGELES).plusDays(DAY.getAndIncrement());
	}

	private static String iso(ZonedDateTime time) {
		return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
