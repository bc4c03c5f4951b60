package dev.medspa.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.support.outbox.OutboxRelay;
import dev.medspa.support.timeline.MinuteIndex;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.StoreQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The paths every booking takes, and the jobs that run every few seconds, ask the store
 * by {@code _id} (or a unique key) only: their cost stays the same however many bookings
 * are stored, on the local store (which ignores other indexes) as on a sharded MongoDB.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class StoreCostTest {

	static final StoreQueries QUERIES = new StoreQueries();

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	@TestConfiguration(proxyBeanMethods = false)
	static class Watch {

		@Bean
		MongoClientSettingsBuilderCustomizer watchQueries() {
			return QUERIES.customizer();
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@Autowired
	OutboxRelay outbox;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	@Test
	void storesAreCalledDirectlyNotThroughAProxy() {
		// MongoTemplate translates the driver's exceptions itself; a proxy per store
		// would
		// only add its cost to every call
		assertThat(AopUtils.isAopProxy(this.schedules)).isFalse();
		assertThat(AopUtils.isAopProxy(this.catalog)).isFalse();
	}

	@BeforeEach
	void catalogIsKnown() {
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
		CatalogFixtures.microneedlingWithItsRules(this.catalog);
	}

	@Autowired
	dev.medspa.booking.reservation.ClaimSweeperAccess claimSweeper;

	@Test
	void bookingItsDayViewsAndItsJobsAskByIdOnlyAndAsMuchWithMoreBookingsStored() {
		LocalDate day = LocalDate.now(LA).plusDays(3);
		List<StoreQueries.Query> booking = QUERIES.during(() -> book(day, 10, "ana-cost@example.com"));
		List<StoreQueries.Query> ruleBound = QUERIES
			.during(() -> perform(post("/api/staff/bookings").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request("microneedling", CatalogFixtures.WALNUT_CREEK, iso(day, 14),
						"ana-cost@example.com")),
					422));
		List<StoreQueries.Query> calendar = QUERIES
			.during(() -> perform(get("/api/availability/days").param("treatment", CatalogFixtures.CONSULTATION)
				.param("from", day.toString())
				.param("to", day.plusDays(13).toString()), 200));
		List<StoreQueries.Query> dayView = QUERIES.during(() -> perform(
				get("/api/staff/day-sheets/" + CatalogFixtures.WALNUT_CREEK + "/" + day).with(Staff.owner()), 200));
		List<StoreQueries.Query> agenda = QUERIES
			.during(() -> perform(get("/api/staff/agenda/" + CatalogFixtures.PRACTITIONER).param("date", day.toString())
				.with(Staff.owner()), 200));

		assertThat(growing(booking)).isEmpty();
		assertThat(growing(ruleBound)).isEmpty();
		assertThat(growing(calendar)).isEmpty();
		assertThat(growing(dayView)).isEmpty();
		assertThat(growing(agenda)).isEmpty();
		// the catalog copy is read once per location a request covers, not once per day
		assertThat(StoreQueries.scans(calendar)).filteredOn(query -> query.collection().startsWith("catalog_"))
			.hasSizeLessThanOrEqualTo(2);

		this.outbox.sweep();
		this.claimSweeper.sweep();
		this.claimSweeper.sweep();
		awaitEventsPublished();
		List<StoreQueries.Query> sweepsWithFew = QUERIES.during(this::sweeps);
		for (int i = 0; i < 60; i++) {
			book(day.plusDays(1 + i / 6), 9 + i % 6, "more-" + i + "@example.com");
		}
		this.claimSweeper.sweep();
		this.claimSweeper.sweep();
		awaitEventsPublished();
		List<StoreQueries.Query> sweepsWithMore = QUERIES.during(this::sweeps);

		// the outbox's markers are as many as documents waiting, not as documents stored
		assertThat(StoreQueries.scans(sweepsWithMore)).extracting(StoreQueries.Query::collection)
			.containsOnly(OutboxRelay.PENDING);
		// sixty more bookings stored, no question for each: at most the minutes that
		// passed
		// meanwhile, and their pages, are read again
		assertThat(byId(sweepsWithMore).size())
			.isLessThanOrEqualTo(byId(sweepsWithFew).size() + 2 * (1 + MinuteIndex.PAGES));
	}

	/** So that the relay's own publishing does not run while a sweep is watched. */
	private void awaitEventsPublished() {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.mongo.getCollection(dev.medspa.booking.reservation.Booking.COLLECTION)
				.find(new org.bson.Document("outbox.0", new org.bson.Document("$exists", true)))
				.first() == null);
	}

	private static List<StoreQueries.Query> byId(List<StoreQueries.Query> queries) {
		return queries.stream().filter(StoreQueries.Query::byId).toList();
	}

	private void sweeps() {
		this.outbox.sweep();
		this.claimSweeper.sweep();
	}

	/**
	 * Queries that are not by id, on collections that grow with the bookings: the catalog
	 * copy grows with the chain, and the outbox markers (read by the relay's own sweep,
	 * which may run meanwhile) with the events waiting.
	 */
	private static List<StoreQueries.Query> growing(List<StoreQueries.Query> queries) {
		return StoreQueries.scans(queries)
			.stream()
			.filter(query -> !query.collection().startsWith("catalog_"))
			.filter(query -> !query.collection().equals(OutboxRelay.PENDING))
			.toList();
	}

	private void book(LocalDate day, int hour, String email) {
		perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
			.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, iso(day, hour),
					email)),
				201);
	}

	private static String iso(LocalDate day, int hour) {
		return ZonedDateTime.of(day.atTime(hour, 0), LA)
			.toOffsetDateTime()
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private void perform(org.springframework.test.web.servlet.RequestBuilder request, int expected) {
		try {
			int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
			assertThat(status).isEqualTo(expected);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
