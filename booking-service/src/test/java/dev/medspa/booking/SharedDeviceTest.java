package dev.medspa.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A device that two rooms share serves one booking at a time: with rooms and
 * practitioners to spare, the one pen decides.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class SharedDeviceTest {

	private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

	private static final String CLINIC = "one-pen-clinic";

	private static final String PEN_TREATMENT = "pen-facial";

	private static final AtomicInteger DAY = new AtomicInteger(3);

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@Autowired
	DaySheets daySheets;

	@BeforeEach
	void aClinicWithTwoRoomsAndOnePen() {
		this.catalog.apply(new TreatmentState(new TreatmentId(PEN_TREATMENT), PEN_TREATMENT, "Pen facial", "facial",
				"With the pen", Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofMinutes(10),
				new BigDecimal("100.00"), "USD", "treatment-room", "microneedling", null, null, List.of(), true, 1,
				null, List.of("microneedling-pen")));
		this.catalog.apply(clinic(1, true));
		for (String practitioner : List.of("pen-ana", "pen-bo")) {
			this.catalog.apply(new PractitionerState(new PractitionerId(practitioner), practitioner, "Aesthetician",
					List.of("microneedling"), List.of(new LocationId(CLINIC)), true, 1));
			this.schedules.replace(practitioner, OptionalLong.empty(), CatalogFixtures.everyDay(CLINIC), List.of());
		}
	}

	@RepeatedTest(3)
	void ofManyClientsBookingTheSameSlotExactlyOneGetsThePen() throws Exception {
		LocalDate day = nextDay();
		String start = day.atTime(10, 0).atZone(ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			bodies.add(BookingApiTest.request(PEN_TREATMENT, CLINIC, start, "pen" + i + "@example.com"));
		}
		List<Integer> statuses = Races.book(this.mvc, bodies);
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertThat(this.daySheets.load(CLINIC, day).claims()).singleElement()
			.extracting(Claim::deviceIds)
			.isEqualTo(List.of(CLINIC + "-pen"));
	}

	@Test
	void aPenOutOfServiceMeansNoBookingsForWhatNeedsIt() throws Exception {
		this.catalog.apply(clinic(2, false));
		try {
			String start = nextDay().atTime(10, 0).atZone(ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			this.mvc
				.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
					.content(BookingApiTest.request(PEN_TREATMENT, CLINIC, start, "nopen@example.com")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/not-available")));
		}
		finally {
			this.catalog.apply(clinic(3, true));
		}
	}

	private static LocationState clinic(long version, boolean penWorks) {
		return new LocationState(new LocationId(CLINIC), CLINIC, "One pen clinic",
				new LocationState.Address("1 Main Street", "Town", "CA", "94596", "US"), "+1 925 555 0100",
				ZONE.getId(),
				List.of(new LocationState.Room(CLINIC + "-room-1", "Room 1", "treatment-room", true),
						new LocationState.Room(CLINIC + "-room-2", "Room 2", "treatment-room", true)),
				List.of(new TreatmentId(PEN_TREATMENT)), true, version, List.of(),
				List.of(new LocationState.Device(CLINIC + "-pen", "Pen", "microneedling-pen", penWorks)));
	}

	private static LocalDate nextDay() {
		return LocalDate.now(ZONE).plusDays(DAY.getAndIncrement());
	}

}
