package dev.medspa.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients booking at once, again and again: the database lets exactly the bookings
 * through whose intervals, clean-up included, overlap no other on the same practitioner
 * or room; everyone else gets 409. Each round uses a day of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class NoDoubleBookingTest {

	private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

	private static final AtomicInteger DAY = new AtomicInteger(2);

	/** One consultation room, two practitioners: the room decides. */
	private static final String ONE_ROOM = "one-room";

	/** Two consultation rooms, one practitioner: the practitioner decides. */
	private static final String TWO_ROOMS = "two-rooms";

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@Autowired
	DaySheets daySheets;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void clinic() {
		this.catalog.apply(CatalogFixtures.consultation(1, true));
		this.catalog.apply(location(ONE_ROOM, 1));
		this.catalog.apply(location(TWO_ROOMS, 2));
		this.catalog.apply(CatalogFixtures.practitioner("ana", ONE_ROOM));
		this.catalog.apply(CatalogFixtures.practitioner("bo", ONE_ROOM));
		this.catalog.apply(CatalogFixtures.practitioner("cy", TWO_ROOMS));
		for (String practitioner : List.of("ana", "bo")) {
			this.schedules.replace(practitioner, OptionalLong.empty(), CatalogFixtures.everyDay(ONE_ROOM), List.of());
		}
		this.schedules.replace("cy", OptionalLong.empty(), CatalogFixtures.everyDay(TWO_ROOMS), List.of());
	}

	@RepeatedTest(3)
	void ofManyClientsBookingTheSameSlotExactlyOneWinsWhenTheRoomIsTheLimit() throws Exception {
		LocalDate day = nextDay();
		List<Integer> statuses = race(ONE_ROOM, day, java.util.Collections.nCopies(12, 0));
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertClaimsMatchBookings(ONE_ROOM, day, 1);
	}

	@RepeatedTest(3)
	void ofManyClientsBookingTheSameSlotExactlyOneWinsWhenThePractitionerIsTheLimit() throws Exception {
		LocalDate day = nextDay();
		List<Integer> statuses = race(TWO_ROOMS, day, java.util.Collections.nCopies(12, 0));
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertClaimsMatchBookings(TWO_ROOMS, day, 1);
	}

	@RepeatedTest(3)
	void overlappingIntervalsWithDifferentStartsNeverShareARoomOrAPractitioner() throws Exception {
		LocalDate day = nextDay();
		// a consultation occupies 40 minutes (30 + 10 clean-up): starts on the 15-minute
		// grid overlap their neighbours
		List<Integer> minutes = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			for (int minute = 0; minute < 60; minute += 15) {
				minutes.add(minute);
			}
		}
		List<Integer> statuses = race(ONE_ROOM, day, minutes);
		assertThat(statuses).containsOnly(201, 409);
		long won = statuses.stream().filter(status -> status == 201).count();
		assertThat(won).isBetween(1L, 2L);
		assertClaimsMatchBookings(ONE_ROOM, day, (int) won);
	}

	/**
	 * Books the consultation at 10:mm on the day, one request per minute given, all
	 * requests released at once; answers their statuses.
	 */
	private List<Integer> race(String location, LocalDate day, List<Integer> minutes) throws Exception {
		List<String> bodies = new ArrayList<>();
		int client = 0;
		for (int minute : minutes) {
			String when = ZonedDateTime.of(day.atTime(10, minute), ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			bodies.add(BookingApiTest.request(CatalogFixtures.CONSULTATION, location, when,
					"racer" + (client++) + "@example.com"));
		}
		return Races.book(this.mvc, bodies);
	}

	private void assertClaimsMatchBookings(String location, LocalDate day, int expected) {
		List<Claim> claims = this.daySheets.load(location, day).claims();
		List<Booking> bookings = this.mongo.find(Query.query(Criteria.where("locationId")
			.is(location)
			.and("start")
			.gte(day.atStartOfDay(ZONE).toInstant())
			.lt(day.plusDays(1).atStartOfDay(ZONE).toInstant())), Booking.class);
		assertThat(bookings).hasSize(expected);
		assertThat(claims).extracting(Claim::owner)
			.containsExactlyInAnyOrderElementsOf(bookings.stream().map(b -> b.id() + "#" + b.placement()).toList());
		for (Claim a : claims) {
			for (Claim b : claims) {
				if (a != b && a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
					assertThat(a.practitionerId()).as("overlapping claims share a practitioner")
						.isNotEqualTo(b.practitionerId());
					assertThat(a.roomId()).as("overlapping claims share a room").isNotEqualTo(b.roomId());
				}
			}
		}
		for (Booking booking : bookings) {
			assertThat(claims).anySatisfy(claim -> {
				assertThat(claim.owner()).isEqualTo(booking.id() + "#" + booking.placement());
				assertThat(claim.practitionerId()).isEqualTo(booking.practitionerId());
				assertThat(claim.roomId()).isEqualTo(booking.roomId());
				assertThat(claim.end()).isEqualTo(booking.occupiedUntil());
			});
		}
	}

	private static LocalDate nextDay() {
		return LocalDate.now(ZONE).plusDays(DAY.getAndIncrement());
	}

	private static LocationState location(String id, int consultationRooms) {
		List<LocationState.Room> rooms = new ArrayList<>();
		for (int i = 1; i <= consultationRooms; i++) {
			rooms.add(new LocationState.Room(id + "-consult-" + i, "Consultation " + i, "consultation-room", true));
		}
		return new LocationState(new LocationId(id), id, id,
				new LocationState.Address("1 Main Street", "Town", "CA", "94596", "US"), "+1 925 555 0100",
				ZONE.getId(), rooms, List.of(new TreatmentId(CatalogFixtures.CONSULTATION)), true, 1, List.of());
	}

}
