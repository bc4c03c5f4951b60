package dev.medspa.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.OptionalLong;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class AvailabilityAndScheduleApiTest {

	private static final LocalDate NEXT_TUESDAY = LocalDate.now(ZoneId.of("America/Los_Angeles"))
		.plusDays(2)
		.with(TemporalAdjusters.next(DayOfWeek.TUESDAY));

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@BeforeEach
	void clinic() {
		this.catalog.apply(CatalogFixtures.consultation(1, true));
		this.catalog.apply(CatalogFixtures.walnutCreek(1, "Walnut Creek"));
		this.catalog.apply(CatalogFixtures.scottsdale(1));
		this.catalog.apply(CatalogFixtures.practitioner("wc-1", CatalogFixtures.WALNUT_CREEK));
		this.catalog.apply(CatalogFixtures.practitioner("az-1", CatalogFixtures.SCOTTSDALE));
	}

	@Test
	void answersPerLocationInItsOwnZoneWithTheEarliestStart() throws Exception {
		putSchedule("wc-1", CatalogFixtures.WALNUT_CREEK, "09:00", "12:00");
		putSchedule("az-1", CatalogFixtures.SCOTTSDALE, "08:00", "10:00");
		String day = NEXT_TUESDAY.toString();
		this.mvc
			.perform(get(
					"/api/availability?treatment=microneedling-consultation&location=any&from=" + day + "&to=" + day))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.locations.length()").value(2))
			.andExpect(jsonPath("$.locations[?(@.locationId == 'scottsdale')].earliest").value(day + "T08:00:00-07:00"))
			.andExpect(jsonPath("$.locations[?(@.locationId == 'walnut-creek')].slots[0].practitionerIds[0]")
				.value("wc-1"))
			.andExpect(jsonPath("$.locations[?(@.locationId == 'walnut-creek')].practitioners[0].id").value("wc-1"))
			.andExpect(jsonPath("$.locations[?(@.locationId == 'walnut-creek')].practitioners.length()").value(1));

		String tenOClock = walnutCreek(day, "10:00");
		this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, tenOClock,
						"slot@example.com")))
			.andExpect(status().isCreated());
		this.mvc
			.perform(get("/api/availability?treatment=microneedling-consultation&location=walnut-creek&from=" + day
					+ "&to=" + day))
			.andExpect(jsonPath("$.locations[0].slots[*].start", not(hasItem(tenOClock))))
			.andExpect(jsonPath("$.locations[0].slots[*].start", not(hasItem(walnutCreek(day, "09:30")))))
			.andExpect(jsonPath("$.locations[0].slots[*].start", hasItem(walnutCreek(day, "10:45"))));
	}

	@Test
	void aBookingOutsideWorkingHoursIs422AndBadSearchesAre400() throws Exception {
		putSchedule("wc-1", CatalogFixtures.WALNUT_CREEK, "09:00", "12:00");
		this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK,
						walnutCreek(NEXT_TUESDAY.toString(), "15:00"), "late@example.com")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/not-available"));
		this.mvc.perform(get("/api/availability?treatment=nope"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("treatment"));
		this.mvc.perform(get("/api/availability?treatment=microneedling-consultation&from=2030-01-01&to=2030-03-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		this.mvc.perform(get("/api/availability?treatment=microneedling-consultation&from=tuesday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void staffKeepSchedulesWithVersionsAndTheRulesHold() throws Exception {
		this.catalog.apply(CatalogFixtures.practitioner("wc-schedule", CatalogFixtures.WALNUT_CREEK));
		String body = """
				{"weekly": [{"locationId": "walnut-creek", "day": "MONDAY", "start": "09:00", "end": "12:00"},
				            {"locationId": "walnut-creek", "day": "MONDAY", "start": "13:00", "end": "17:00"}],
				 "exceptions": [{"date": "2030-01-07", "kind": "TIME_OFF"}]}
				""";
		this.mvc.perform(put("/api/staff/schedules/wc-schedule").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(put("/api/staff/schedules/wc-schedule").with(Staff.owner())
				.header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""));
		this.mvc
			.perform(put("/api/staff/schedules/wc-schedule").with(Staff.owner())
				.header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isPreconditionFailed());

		String overlapping = """
				{"weekly": [{"locationId": "walnut-creek", "day": "MONDAY", "start": "09:00", "end": "12:00"},
				            {"locationId": "walnut-creek", "day": "MONDAY", "start": "11:00", "end": "17:00"}]}
				""";
		this.mvc
			.perform(put("/api/staff/schedules/wc-schedule").with(Staff.owner())
				.header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(overlapping))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("weekly"));
		String elsewhere = """
				{"weekly": [{"locationId": "scottsdale", "day": "MONDAY", "start": "09:00", "end": "12:00"}]}
				""";
		this.mvc
			.perform(put("/api/staff/schedules/wc-schedule").with(Staff.owner())
				.header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(elsewhere))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("weekly[0].locationId"));
		this.mvc.perform(get("/api/staff/schedules/wc-schedule").with(Staff.owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.weekly.length()").value(2));
	}

	private void putSchedule(String practitioner, String location, String from, String to) {
		this.schedules.replace(practitioner, OptionalLong.empty(),
				java.util.Arrays.stream(DayOfWeek.values())
					.map(day -> new dev.medspa.booking.schedule.Schedule.WeeklyHours(location, day,
							java.time.LocalTime.parse(from), java.time.LocalTime.parse(to)))
					.toList(),
				List.of());
	}

	private static String walnutCreek(String day, String time) {
		return LocalDate.parse(day)
			.atTime(java.time.LocalTime.parse(time))
			.atZone(ZoneId.of("America/Los_Angeles"))
			.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
