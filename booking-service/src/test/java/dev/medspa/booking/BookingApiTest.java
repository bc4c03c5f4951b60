package dev.medspa.booking;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class BookingApiTest {

	private static final String FUTURE = at(10);

	private static String at(int hour) {
		return java.time.ZonedDateTime.now(java.time.ZoneId.of("America/Los_Angeles"))
			.plusDays(3)
			.withHour(hour)
			.withMinute(0)
			.withSecond(0)
			.withNano(0)
			.toOffsetDateTime()
			.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	dev.medspa.booking.schedule.Schedules schedules;

	@Autowired
	TopicNames topics;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void catalogIsKnown() {
		this.catalog.apply(CatalogFixtures.consultation(1, true));
		this.catalog.apply(CatalogFixtures.peel(1));
		this.catalog.apply(CatalogFixtures.walnutCreek(1, "Walnut Creek"));
		this.catalog.apply(CatalogFixtures.practitioner(CatalogFixtures.PRACTITIONER, CatalogFixtures.WALNUT_CREEK));
		this.schedules.replace(CatalogFixtures.PRACTITIONER, java.util.OptionalLong.empty(),
				CatalogFixtures.everyDay(CatalogFixtures.WALNUT_CREEK), List.of());
	}

	@Test
	void booksAConsultationAndPublishesItsConfirmationOnce() throws Exception {
		String body = book(
				request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, FUTURE, "ana@example.com"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/staff/bookings/")))
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.zoneId").value("America/Los_Angeles"))
			.andExpect(jsonPath("$.start").value(FUTURE))
			.andExpect(jsonPath("$.end").value(OffsetDateTime.parse(FUTURE)
				.plusMinutes(30)
				.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");

		List<ConsumerRecord<String, String>> records = readBookingEvents(id);
		assertThat(records).singleElement().satisfies(record -> {
			assertThat(record.key()).isEqualTo(id);
			assertThat(TopicReader.header(record, EventHeaders.TYPE))
				.isEqualTo(EventContracts.BOOKING_CONFIRMED.type());
			BookingConfirmed event = EventJson.MAPPER.readValue(record.value(), BookingConfirmed.class);
			assertThat(event.bookingId().value()).isEqualTo(id);
			assertThat(event.start()).isEqualTo(OffsetDateTime.parse(FUTURE).toInstant());
			assertThat(event.client().email()).isEqualTo("ana@example.com");
			assertThat(event.bookingVersion()).isEqualTo(1);
			// the client's link never travels: notification-service derives it
			assertThat(event.manageToken()).isNull();
			assertThat(record.value()).doesNotContain(
					(String) com.jayway.jsonpath.JsonPath.read(body, "$.manage.token").toString().split("\\.")[1]);
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.mongo.findById(id, Booking.class).outbox()).isEmpty());
	}

	@Test
	void staffReadBookingsWithAToken() throws Exception {
		String location = book(
				request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, at(11), "ben@example.com"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get(location)).andExpect(status().isUnauthorized());
		this.mvc.perform(get(location).with(Staff.owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.client.email").value("ben@example.com"))
			.andExpect(jsonPath("$.client.consentToSms").value(true));
		this.mvc.perform(get("/api/staff/bookings/nope").with(Staff.owner()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/not-found"));
	}

	@Test
	void theSameIdempotencyKeyAnswersTheSameBookingAndMakesNoSecond() throws Exception {
		String body = request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, at(14), "retry@example.com");
		String first = keyed("key-1", body).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.manage.token").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		keyed("key-1", body.replace("\n", " ")).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(com.jayway.jsonpath.JsonPath.<String>read(first, "$.id")))
			.andExpect(jsonPath("$.manage").doesNotExist());
		keyed("key-1", body.replace("retry@", "other@")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		assertThat(bookingsOf("retry@example.com")).isEqualTo(1);
	}

	@Test
	void concurrentRetriesWithOneKeyMakeOneBooking() throws Exception {
		String body = request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, at(15), "storm@example.com");
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return keyed("storm-key", body).andReturn().getResponse();
				}));
			}
			start.countDown();
			java.util.Set<String> ids = new java.util.HashSet<>();
			for (var result : results) {
				var response = result.get();
				assertThat(response.getStatus()).isIn(201, 409);
				if (response.getStatus() == 201) {
					ids.add(com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.id"));
				}
			}
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(bookingsOf("storm@example.com")).isEqualTo(1);
	}

	private ResultActions keyed(String key, String json) throws Exception {
		return this.mvc.perform(post("/api/bookings").header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private long bookingsOf(String email) {
		return this.mongo.count(
				org.springframework.data.mongodb.core.query.Query
					.query(org.springframework.data.mongodb.core.query.Criteria.where("client.email").is(email)),
				Booking.class);
	}

	@Test
	void unknownTreatmentIs422NamingTheField() throws Exception {
		problem(book(request("botox", CatalogFixtures.WALNUT_CREEK, FUTURE, "a@example.com")), 422, "unknown-treatment",
				"treatmentId");
	}

	@Test
	void unknownLocationIs422NamingTheField() throws Exception {
		problem(book(request(CatalogFixtures.CONSULTATION, "oakland", FUTURE, "a@example.com")), 422,
				"unknown-location", "locationId");
	}

	@Test
	void treatmentNotOfferedAtTheLocationIs422() throws Exception {
		problem(book(request("light-chemical-peel", CatalogFixtures.WALNUT_CREEK, FUTURE, "a@example.com")), 422,
				"treatment-not-offered", "treatmentId");
	}

	@Test
	void retiredTreatmentIs422() throws Exception {
		setConsultationActive(false);
		problem(book(request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, FUTURE, "a@example.com")), 422,
				"treatment-retired", "treatmentId");
		setConsultationActive(true);
	}

	@Test
	void aBookingStaysValidWhenItsTreatmentIsRetiredLater() throws Exception {
		String location = book(
				request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, at(12), "kept@example.com"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		setConsultationActive(false);
		try {
			this.mvc.perform(get(location).with(Staff.owner()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CONFIRMED"))
				.andExpect(jsonPath("$.treatmentId").value(CatalogFixtures.CONSULTATION));
			problem(book(
					request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, FUTURE, "late@example.com")),
					422, "treatment-retired", "treatmentId");
		}
		finally {
			setConsultationActive(true);
		}
	}

	@Test
	void startInThePastIs422() throws Exception {
		problem(book(request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, "2020-01-06T10:00:00-08:00",
				"a@example.com")), 422, "start-in-past", "start");
	}

	@Test
	void malformedEmailIs400NamingTheField() throws Exception {
		problem(book(request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, FUTURE, "not-an-email")), 400,
				"invalid-request", "client.email");
	}

	@Test
	void missingFieldsAre400NamingEachField() throws Exception {
		book("{\"client\":{\"name\":\"Ana\"}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("client.email",
					"client.phone", "locationId", "start", "treatmentId")));
	}

	@Test
	void startWithoutOffsetIs400NamingTheField() throws Exception {
		problem(book(request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, "2026-12-01T10:00",
				"a@example.com")), 400, "invalid-request", "start");
	}

	@Test
	void unknownFieldIs400NamingTheField() throws Exception {
		problem(book("{\"treatmentId\":\"x\",\"coupon\":\"FREE\"}"), 400, "invalid-request", "coupon");
	}

	@Test
	void bodyThatIsNotJsonIs400() throws Exception {
		book("this is not json").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/malformed-body"));
	}

	@Test
	void nothingIsStoredForARefusedBooking() throws Exception {
		long before = this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Booking.class);
		book(request(CatalogFixtures.CONSULTATION, "oakland", FUTURE, "a@example.com"));
		book("{}");
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Booking.class))
			.isEqualTo(before);
	}

	/**
	 * Publishes the next version of the consultation, active or retired, into the read
	 * model.
	 */
	private void setConsultationActive(boolean active) {
		long next = this.catalog.treatment(CatalogFixtures.CONSULTATION).orElseThrow().version() + 1;
		this.catalog.apply(CatalogFixtures.consultation(next, active));
	}

	private ResultActions book(String json) throws Exception {
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static void problem(ResultActions result, int status, String type, String field) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/" + type))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)))
			.andExpect(jsonPath("$.trace").doesNotExist());
	}

	static String request(String treatment, String location, String start, String email) {
		return """
				{"treatmentId":"%s","locationId":"%s","start":"%s",
				 "client":{"name":"Ana Gomez","email":"%s","phone":"+1 925 555 0199","consentToSms":true}}
				""".formatted(treatment, location, start, email);
	}

	/** The events of one booking, read until they stop coming. */
	private List<ConsumerRecord<String, String>> readBookingEvents(String bookingId) {
		return TopicReader.readSettled(this.bootstrapServers, this.topics.bookingEvents(),
				record -> bookingId.equals(record.key()), 1, Duration.ofSeconds(3));
	}

}
