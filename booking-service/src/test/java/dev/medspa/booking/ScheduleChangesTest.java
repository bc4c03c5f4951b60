package dev.medspa.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.reservation.Attention;
import dev.medspa.booking.reservation.CatalogChanges;
import dev.medspa.booking.reservation.NeedsAttention;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.testsupport.LocalInfrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Schedules are checked in instants across locations and zones, and a change that would
 * leave confirmed bookings without their practitioner is refused with their list, or,
 * once a manager confirms it, lists them as needing attention; a booking racing the
 * change never slips through unlisted.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class ScheduleChangesTest {

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	private static final String CREEK = "creek-office";

	private static final String RANCH = "ranch-office";

	private static final String CANYON = "canyon-office";

	private static final String STELLA = "stella";

	private static final AtomicInteger DAY = new AtomicInteger(3);

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@Autowired
	Attention attention;

	@BeforeEach
	void offices() {
		this.catalog.apply(CatalogFixtures.consultation(1, true));
		this.catalog.apply(office(CREEK, "America/Los_Angeles"));
		this.catalog.apply(office(RANCH, "America/Los_Angeles"));
		this.catalog.apply(office(CANYON, "America/Phoenix"));
		this.catalog
			.apply(new PractitionerState(new PractitionerId(STELLA), "Stella", "Aesthetician", List.of("microneedling"),
					List.of(new LocationId(CREEK), new LocationId(RANCH), new LocationId(CANYON)), true, 1));
		this.schedules.replace(STELLA, OptionalLong.empty(), CatalogFixtures.everyDay(CREEK), List.of());
	}

	@Test
	void extraHoursAtAnotherLocationOverTheWeeklyHoursAreRefused() throws Exception {
		LocalDate monday = LocalDate.now(LOS_ANGELES)
			.plusWeeks(2)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		putSchedule("""
				{"weekly":[{"locationId":"%s","day":"MONDAY","start":"09:00","end":"12:30"}],
				 "exceptions":[{"date":"%s","kind":"EXTRA_HOURS","locationId":"%s","start":"09:00","end":"12:00"}]}
				""".formatted(CREEK, monday, RANCH), false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/two-places-at-once")))
			.andExpect(jsonPath("$.errors[0].field").value("exceptions[0]"))
			.andExpect(jsonPath("$.date").value(monday.toString()));
	}

	@Test
	void aManagerKeepsOnlyTheHoursAtTheirLocations() throws Exception {
		String creekOnly = withTimeOff(nextDay().plusDays(200));
		this.mvc
			.perform(put("/api/staff/schedules/{id}", STELLA).with(Staff.managerAt(RANCH))
				.header("If-Match", "*")
				.contentType(MediaType.APPLICATION_JSON)
				.content(creekOnly.replace(CREEK, RANCH)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/staff/schedules/{id}", STELLA).with(Staff.frontDeskAt(CREEK))
				.header("If-Match", "*")
				.contentType(MediaType.APPLICATION_JSON)
				.content(creekOnly))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/staff/schedules/{id}", STELLA).with(Staff.managerAt(CREEK))
				.header("If-Match", "*")
				.contentType(MediaType.APPLICATION_JSON)
				.content(creekOnly))
			.andExpect(status().isOk());
		this.schedules.replace(STELLA, OptionalLong.empty(), CatalogFixtures.everyDay(CREEK), List.of());
	}

	@Test
	void weeklyHoursInTwoZonesAreComparedAsInstants() throws Exception {
		// 12:00 in Los Angeles is 13:00 in Phoenix half of the year: no time to travel
		putSchedule("""
				{"weekly":[{"locationId":"%s","day":"TUESDAY","start":"09:00","end":"12:00"},
				           {"locationId":"%s","day":"TUESDAY","start":"13:00","end":"16:00"}]}
				""".formatted(CREEK, CANYON), false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/two-places-at-once")))
			.andExpect(jsonPath("$.errors[0].field").value("weekly"));
		putSchedule("""
				{"weekly":[{"locationId":"%s","day":"TUESDAY","start":"09:00","end":"12:00"},
				           {"locationId":"%s","day":"TUESDAY","start":"14:00","end":"16:00"},
				           {"locationId":"%s","day":"WEDNESDAY","start":"09:00","end":"17:00"}]}
				""".formatted(CREEK, CANYON, RANCH), false).andExpect(status().isOk());
	}

	@Test
	void timeOffOverABookedDayListsTheBookingAndOnConfirmationItNeedsAttentionUntilMoved() throws Exception {
		LocalDate day = nextDay();
		String id = book(day, 10).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String bookingId = JsonPath.read(id, "$.id");
		String timeOff = withTimeOff(day);
		putSchedule(timeOff, false).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/strands-bookings")))
			.andExpect(jsonPath("$.affectedBookings[0].bookingId").value(bookingId));
		assertThat(this.schedules.find(STELLA).orElseThrow().exceptions()).isEmpty();
		putSchedule(timeOff, true).andExpect(status().isOk());
		this.mvc.perform(get("/api/staff/attention?location={l}", CREEK).with(Staff.frontDeskAt(CREEK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.booking.id == '%s')].reason".formatted(bookingId)).isNotEmpty());
		this.mvc.perform(get("/api/staff/attention?location={l}", CREEK).with(Staff.frontDeskAt(RANCH)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/staff/bookings/{id}/cancel", bookingId).with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Stella is away\"}"))
			.andExpect(status().isOk());
		assertThat(this.attention.all()).extracting(NeedsAttention::id).doesNotContain(bookingId);
	}

	@Test
	void aRoomTakenOutOfServiceListsTheBookingsInIt(@Autowired CatalogChanges changes) throws Exception {
		LocalDate day = nextDay();
		String first = JsonPath
			.read(book(day, 15).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String room = JsonPath.read(this.mvc.perform(get("/api/staff/bookings/{id}", first).with(Staff.owner()))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.roomId");
		this.mvc
			.perform(get("/api/staff/affected-bookings?location={l}&resource={r}", CREEK, room)
				.with(Staff.frontDeskAt(CREEK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.bookingId == '%s')].clientName".formatted(first)).value("Ana Gomez"));
		CatalogLocation before = this.catalog.location(CREEK).orElseThrow();
		LocationState outOfService = office(CREEK, "America/Los_Angeles", 2, room);
		this.catalog.apply(outOfService);
		changes.locationChanged(before, CREEK);
		assertThat(this.attention.at(List.of(CREEK))).filteredOn(item -> item.id().equals(first))
			.singleElement()
			.extracting(NeedsAttention::reason)
			.isEqualTo("Room " + room + " is out of service");
		this.catalog.apply(office(CREEK, "America/Los_Angeles", 3, null));
	}

	/**
	 * Time off for a day races bookings of that day, round after round. Whatever wins, no
	 * booking is left confirmed on a day off without being listed.
	 */
	@Test
	void aBookingRacingTimeOffIsRefusedOrListed() throws Exception {
		for (int round = 0; round < 12; round++) {
			LocalDate day = nextDay();
			List<Callable<MvcResult>> requests = new ArrayList<>();
			requests.add(() -> putSchedule(withTimeOff(day), false).andReturn());
			for (int hour : List.of(9, 11, 13)) {
				requests.add(() -> book(day, hour).andReturn());
			}
			List<MvcResult> results = Races.all(requests);
			boolean dayOff = results.get(0).getResponse().getStatus() == 200;
			List<String> listed = this.attention.all().stream().map(NeedsAttention::id).toList();
			for (MvcResult booking : results.subList(1, results.size())) {
				if (booking.getResponse().getStatus() == 201 && dayOff) {
					assertThat(listed).as("a booking confirmed on a day off is listed")
						.contains((String) JsonPath.read(booking.getResponse().getContentAsString(), "$.id"));
				}
			}
			this.schedules.replace(STELLA, OptionalLong.empty(), CatalogFixtures.everyDay(CREEK), List.of());
		}
	}

	private String withTimeOff(LocalDate day) {
		StringBuilder weekly = new StringBuilder();
		for (DayOfWeek weekday : DayOfWeek.values()) {
			weekly.append(weekly.isEmpty() ? "" : ",")
				.append("{\"locationId\":\"%s\",\"day\":\"%s\",\"start\":\"07:00\",\"end\":\"21:00\"}".formatted(CREEK,
						weekday));
		}
		return "{\"weekly\":[" + weekly + "],\"exceptions\":[{\"date\":\"" + day + "\",\"kind\":\"TIME_OFF\"}]}";
	}

	private ResultActions putSchedule(String body, boolean confirm) throws Exception {
		return this.mvc.perform(put("/api/staff/schedules/{id}?confirm={c}", STELLA, confirm).with(Staff.owner())
			.header("If-Match", "*")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions book(LocalDate day, int hour) throws Exception {
		ZonedDateTime start = day.atTime(hour, 0).atZone(LOS_ANGELES);
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
			.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CREEK,
					start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
					"client" + System.nanoTime() + "@example.com")));
	}

	private static LocationState office(String id, String zone) {
		return office(id, zone, 1, null);
	}

	/** Two consultation rooms, one of them out of service if named. */
	private static LocationState office(String id, String zone, long version, @Nullable String outOfService) {
		List<LocationState.Room> rooms = java.util.stream.Stream.of(id + "-consult-1", id + "-consult-2")
			.map(room -> new LocationState.Room(room, room, "consultation-room", !room.equals(outOfService)))
			.toList();
		return new LocationState(new LocationId(id), id, id,
				new LocationState.Address("1 Main Street", "Town", "CA", "94596", "US"), "+1 925 555 0100", zone, rooms,
				List.of(new TreatmentId(CatalogFixtures.CONSULTATION)), true, version, List.of());
	}

	private static LocalDate nextDay() {
		return LocalDate.now(LOS_ANGELES).plusDays(DAY.getAndIncrement());
	}

}
