package dev.medspa.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.booking.waitlist.Offers;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import dev.medspa.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The waitlist against the real broker and store, on a clock the test moves: a freed slot
 * is held and offered to the first waiter it suits, handed on when the offer runs out,
 * never offered into the night, claimed in one click by exactly one of those racing for
 * it, and a redelivered event makes no second offer. The sweeper is driven by the test.
 */
@SpringBootTest(properties = { "medspa.waitlist.sweep-interval=PT1H", "medspa.waitlist.offer-duration=PT30M" })
@AutoConfigureMockMvc
@LocalInfrastructure
@Import(WaitlistTest.Time.class)
class WaitlistTest {

	private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	/** Monday 14 December 2026; the clock starts the Monday before, at 09:00. */
	private static final LocalDate DAY = LocalDate.of(2026, 12, 14);

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(DAY.minusDays(7).atTime(9, 0).atZone(LA).toInstant());
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
	Offers offers;

	@Autowired
	TopicNames topics;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	@Autowired
	dev.medspa.support.links.EmailCodes codes;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void clinic() throws Exception {
		this.clock.set(DAY.minusDays(7).atTime(9, 0).atZone(LA).toInstant());
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
		this.mvc
			.perform(put("/api/staff/waitlist/settings/" + CatalogFixtures.WALNUT_CREEK).with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"FIRST_IN_LINE\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void aWaiterJoinsSeesTheirPlaceThroughTheirLinkOnlyAndLeaves() throws Exception {
		String token = join("leaver@example.com", DAY, DAY.plusDays(2), "[\"MORNING\"]");
		this.mvc.perform(get("/api/waitlist/" + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WAITING"))
			.andExpect(jsonPath("$.partsOfDay[0]").value("MORNING"))
			.andExpect(jsonPath("$.offer").doesNotExist());
		String id = token.substring(0, token.lastIndexOf('.'));
		for (String wrong : List.of(id, id + ".guess", "nonsense")) {
			this.mvc.perform(get("/api/waitlist/" + wrong)).andExpect(status().isNotFound());
		}
		this.mvc.perform(delete("/api/waitlist/" + token)).andExpect(status().isNoContent());
		this.mvc.perform(delete("/api/waitlist/" + token)).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/waitlist/" + token)).andExpect(jsonPath("$.status").value("LEFT"));

		List<ConsumerRecord<String, String>> events = TopicReader.readSettled(this.bootstrapServers,
				this.topics.waitlistEvents(), record -> record.key().equals(id), 2, Duration.ofSeconds(1));
		assertThat(events).extracting(record -> TopicReader.header(record, EventHeaders.TYPE))
			.containsExactly(EventContracts.WAITLIST_JOINED.type(), EventContracts.WAITLIST_LEFT.type());
		assertThat(events).allSatisfy(record -> assertThat(record.value()).doesNotContain(token));
	}

	@Test
	void aClientsPlacesAreInTheirExportAndTheirErasureEndsThemAndTellsTheOtherServices() throws Exception {
		String email = "Private.Waiter@example.com";
		String token = join(email, DAY.plusDays(8), DAY.plusDays(9), "[]");
		String id = token.substring(0, token.lastIndexOf('.'));
		this.mvc
			.perform(post("/api/staff/clients/export").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(clientData(email)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.others.waitlist[0].id").value(id))
			.andExpect(jsonPath("$.others.waitlist[0].email").value(email));
		this.mvc
			.perform(post("/api/staff/clients/erase").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(clientData(email)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.erasedOthers.waitlist").value(1));
		this.mvc.perform(get("/api/waitlist/" + token)).andExpect(jsonPath("$.status").value("LEFT"));
		this.mvc
			.perform(post("/api/staff/clients/export").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(clientData(email)))
			.andExpect(jsonPath("$.others.waitlist.length()").value(0));
		// the place's events still waiting in its outbox (the join's carries the contact)
		// leave it once relayed: then nothing stored names the client
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String stored = this.mongo.findById(id, org.bson.Document.class, "waitlist_entries").toJson();
			assertThat(stored).doesNotContainIgnoringCase("private.waiter").doesNotContain("Wai Ter");
		});
		List<ConsumerRecord<String, String>> events = TopicReader.readSettled(this.bootstrapServers,
				this.topics.waitlistEvents(), record -> record.key().equals(id), 2, Duration.ofSeconds(1));
		assertThat(events.get(1).value()).contains("\"reason\":\"ERASED\"");
	}

	@Test
	void placesThatEndedBeyondTheRetentionPeriodNoLongerNameTheirClient(
			@Autowired dev.medspa.booking.waitlist.WaitlistRetention retention) throws Exception {
		String email = "long.gone@example.com";
		String token = join(email, DAY.plusDays(1), DAY.plusDays(2), "[]");
		String id = token.substring(0, token.lastIndexOf('.'));
		retention.eraseEnded();
		this.mvc.perform(get("/api/waitlist/" + token)).andExpect(jsonPath("$.status").value("WAITING"));

		this.clock.set(DAY.plusYears(3).plusMonths(2).atTime(9, 0).atZone(LA).toInstant());
		retention.eraseEnded();
		this.mvc.perform(get("/api/waitlist/" + token)).andExpect(jsonPath("$.status").value("LEFT"));
		org.bson.Document stored = this.mongo.findById(id, org.bson.Document.class, "waitlist_entries");
		assertThat(stored.get("client", org.bson.Document.class).toJson()).doesNotContain("long.gone");
		assertThat(this.mongo.findById(email, org.bson.Document.class, "waitlist_clients")).isNull();
	}

	@Test
	void refillFiguresOfAMonthWithFreedSlotsAndNoRefillYetAreZeroNotAnError() throws Exception {
		this.mongo.save(new org.bson.Document(java.util.Map.of("_id", "refill-probe|2026-12", "locationId",
				"refill-probe", "month", "2026-12", "freed", 2)), "waitlist_refills");
		this.mvc
			.perform(get("/api/staff/waitlist/refills").param("locationId", "refill-probe")
				.param("months", "1")
				.with(Staff.owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].freed").value(2))
			.andExpect(jsonPath("$[0].refilled").value(0))
			.andExpect(jsonPath("$[0].medianMinutesToRefill").doesNotExist());
	}

	private String clientData(String email) {
		return "{\"email\":\"%s\",\"emailCode\":\"%s\",\"reason\":\"Asked by phone\"}".formatted(email,
				this.codes.code(email, this.clock.instant()));
	}

	@Test
	void badWishesAreRefusedNamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
				.content(joinBody("x@example.com", DAY.plusDays(2), DAY, "[]")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		this.mvc
			.perform(post("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
				.content(joinBody("x@example.com", DAY, DAY.plusDays(1), "[\"NIGHT\"]")))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(
					post("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
						.content(joinBody("x@example.com", DAY, DAY.plusDays(1), "[]")
							.replace(CatalogFixtures.CONSULTATION, "botox")))
			.andExpect(status().isUnprocessableEntity());
	}

	@Test
	void aCancelledSlotIsHeldForTheFirstInLineWhoBooksItInOneClickOnce() throws Exception {
		LocalDate day = DAY;
		String ana = join("first@example.com", day, day, "[\"MORNING\"]");
		String evening = join("evening@example.com", day, day, "[\"EVENING\"]");
		String ben = join("second@example.com", day, day, "[]");
		String booked = book(at(day, 10, 0), "carol@example.com");
		cancel(booked);

		String offer = awaitOffer(ana);
		// the round is left announced, unleased and due when the offer runs out
		String offerId = offer.substring(0, offer.lastIndexOf('.'));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			dev.medspa.booking.waitlist.Round round = this.mongo.findById(
					dev.medspa.booking.waitlist.Round.idOfOffer(offerId), dev.medspa.booking.waitlist.Round.class);
			assertThat(round.leaseUntil()).isNull();
			assertThat(round.due()).isEqualTo(round.offer(offerId).orElseThrow().expiresAt());
			assertThat(round.offers()).allSatisfy(made -> assertThat(made.announced()).isTrue());
		});
		this.mvc.perform(get("/api/waitlist/" + ben)).andExpect(jsonPath("$.status").value("WAITING"));
		this.mvc.perform(get("/api/waitlist/" + evening)).andExpect(jsonPath("$.status").value("WAITING"));
		// the slot is held for ana: nobody else can book it meanwhile
		tryBook(at(day, 10, 0), "walkin@example.com").andExpect(status().isConflict());
		this.mvc.perform(get("/api/waitlist/offers/" + offer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.start").value(iso(at(day, 10, 0))))
			.andExpect(
					jsonPath("$.expiresAt").value(iso(this.clock.instant().plus(Duration.ofMinutes(30)).atZone(LA))));

		String first = claim(offer).andExpect(status().isCreated())
			.andExpect(jsonPath("$.start").value(iso(at(day, 10, 0))))
			.andExpect(jsonPath("$.client.email").value("first@example.com"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String bookingId = JsonPath.read(first, "$.id");
		claim(offer).andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(bookingId));
		assertThat(owners(day)).containsOnlyOnce(bookingId + "#1");
		this.mvc.perform(get("/api/waitlist/" + ana)).andExpect(jsonPath("$.status").value("BOOKED"));
		this.mvc.perform(get("/api/waitlist/offers/" + offer))
			.andExpect(jsonPath("$.status").value("CLAIMED"))
			.andExpect(jsonPath("$.bookingId").value(bookingId));
		this.mvc
			.perform(get("/api/staff/waitlist/refills").param("locationId", CatalogFixtures.WALNUT_CREEK)
				.param("months", "1")
				.with(Staff.managerAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].refilled").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
			.andExpect(jsonPath("$[0].medianMinutesToRefill").isNumber());
		this.mvc
			.perform(get("/api/staff/waitlist/refills").param("locationId", CatalogFixtures.WALNUT_CREEK)
				.with(Staff.frontDeskAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isForbidden());
		String anaId = ana.substring(0, ana.lastIndexOf('.'));
		List<ConsumerRecord<String, String>> events = TopicReader.readSettled(this.bootstrapServers,
				this.topics.waitlistEvents(), record -> record.key().equals(anaId), 3, Duration.ofSeconds(1));
		assertThat(events).extracting(record -> TopicReader.header(record, EventHeaders.TYPE))
			.containsExactly(EventContracts.WAITLIST_JOINED.type(), EventContracts.WAITLIST_OFFERED.type(),
					EventContracts.WAITLIST_LEFT.type());
	}

	@Test
	void anOfferThatRunsOutGoesToTheNextInLineAndTheLateClickIsToldKindly() throws Exception {
		LocalDate day = DAY.plusDays(1);
		String ana = join("slow@example.com", day, day, "[]");
		String ben = join("quick@example.com", day, day, "[]");
		cancel(book(at(day, 11, 0), "dora@example.com"));
		String anasOffer = awaitOffer(ana);

		this.clock.advance(Duration.ofMinutes(31));
		this.offers.sweep();
		this.mvc.perform(get("/api/waitlist/" + ana)).andExpect(jsonPath("$.status").value("WAITING"));
		String bensOffer = offerOf(ben);
		assertThat(bensOffer).isNotNull();
		claim(anasOffer).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/offer-expired"));
		claim(bensOffer).andExpect(status().isCreated());
		this.mvc.perform(get("/api/waitlist/offers/" + anasOffer)).andExpect(jsonPath("$.status").value("EXPIRED"));
	}

	@Test
	void aWaiterWhoLeavesWithAnOfferOpenHandsTheSlotOnAtOnce() throws Exception {
		LocalDate day = DAY.plusDays(6);
		String ana = join("goes@example.com", day, day, "[]");
		String ben = join("stays@example.com", day, day, "[]");
		cancel(book(at(day, 11, 0), "hana@example.com"));
		String offer = awaitOffer(ana);
		String offerId = offer.substring(0, offer.lastIndexOf('.'));
		// once the round is settled (a waiter who leaves within the instant it is being
		// made
		// keeps the slot held until the offer runs out)
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.mongo
				.findById(dev.medspa.booking.waitlist.Round.idOfOffer(offerId), dev.medspa.booking.waitlist.Round.class)
				.leaseUntil() == null);
		this.mvc.perform(delete("/api/waitlist/" + ana)).andExpect(status().isNoContent());
		assertThat(offerOf(ben)).as("the next in line is offered without waiting for the first offer to run out")
			.isNotNull();
		assertThat(owners(day).stream().filter(owner -> owner.startsWith("hold:"))).hasSize(1);
	}

	@Test
	void newWorkingHoursOfferTheFirstTimeThatSuitsAWaiter() throws Exception {
		LocalDate day = DAY.plusDays(7);
		schedule("17:00");
		String evenings = join("evenings@example.com", day, day, "[\"EVENING\"]");
		this.mvc.perform(get("/api/waitlist/" + evenings)).andExpect(jsonPath("$.status").value("WAITING"));
		schedule("21:00");
		assertThat(offerOf(evenings)).as("the new evening hours are offered").isNotNull();
		this.mvc.perform(get("/api/waitlist/" + evenings))
			.andExpect(jsonPath("$.offer.start").value(iso(at(day, 17, 0))));
		// the same schedule saved again makes no second offer
		double before = freedSlots();
		schedule("21:00");
		assertThat(freedSlots()).isEqualTo(before);
	}

	/** Maya Chen works every day at Walnut Creek from 07:00 until the given time. */
	private void schedule(String until) throws Exception {
		StringBuilder weekly = new StringBuilder();
		for (java.time.DayOfWeek weekday : java.time.DayOfWeek.values()) {
			weekly.append(weekly.isEmpty() ? "" : ",")
				.append("{\"locationId\":\"walnut-creek\",\"day\":\"")
				.append(weekday)
				.append("\",\"start\":\"07:00\",\"end\":\"")
				.append(until)
				.append("\"}");
		}
		this.mvc
			.perform(put("/api/staff/schedules/" + CatalogFixtures.PRACTITIONER).with(Staff.owner())
				.header("If-Match", "*")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"weekly\":[" + weekly + "]}"))
			.andExpect(status().isOk());
	}

	@Test
	void aSlotFreedInTheEveningIsOfferedOnlyTheNextMorning() throws Exception {
		LocalDate day = DAY.plusDays(2);
		String ana = join("night@example.com", day, day, "[]");
		String booked = book(at(day, 12, 0), "eve@example.com");
		// 20:45: an offer now would still be open at 21:00, when the night begins
		this.clock.set(day.minusDays(1).atTime(20, 45).atZone(LA).toInstant());
		cancel(booked);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.offers.sweep();
			this.mvc.perform(get("/api/waitlist/" + ana)).andExpect(jsonPath("$.status").value("WAITING"));
		});
		this.clock.set(day.atTime(7, 59).atZone(LA).toInstant());
		this.offers.sweep();
		this.mvc.perform(get("/api/waitlist/" + ana)).andExpect(jsonPath("$.status").value("WAITING"));
		this.clock.set(day.atTime(8, 0).atZone(LA).toInstant());
		this.offers.sweep();
		this.mvc.perform(get("/api/waitlist/" + ana))
			.andExpect(jsonPath("$.status").value("OFFERED"))
			.andExpect(jsonPath("$.offer.expiresAt").value(iso(at(day, 8, 30))));
	}

	@Test
	void offeredToSeveralAtOnceExactlyOneOfTheWaitersAndAWalkInGetsTheSlot() throws Exception {
		LocalDate day = DAY.plusDays(3);
		this.mvc
			.perform(put("/api/staff/waitlist/settings/" + CatalogFixtures.WALNUT_CREEK)
				.with(Staff.frontDeskAt(CatalogFixtures.WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"SEVERAL_AT_ONCE\",\"several\":3}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/staff/waitlist/settings/" + CatalogFixtures.WALNUT_CREEK)
				.with(Staff.managerAt(CatalogFixtures.WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"SEVERAL_AT_ONCE\",\"several\":3}"))
			.andExpect(status().isOk());
		List<String> waiters = new ArrayList<>();
		for (String name : List.of("r1", "r2", "r3", "r4")) {
			waiters.add(join(name + "@example.com", day, day, "[]"));
		}
		cancel(book(at(day, 14, 0), "frank@example.com"));
		await().atMost(Duration.ofSeconds(20)).until(() -> offerOf(waiters.get(2)) != null);
		assertThat(offerOf(waiters.get(3))).as("a fourth waiter is not offered").isNull();

		List<Callable<Integer>> racers = new ArrayList<>();
		for (String waiter : waiters.subList(0, 3)) {
			String offer = offerOf(waiter);
			racers.add(() -> claim(offer).andReturn().getResponse().getStatus());
		}
		racers.add(() -> tryBook(at(day, 14, 0), "walkin2@example.com").andReturn().getResponse().getStatus());
		List<Integer> statuses = Races.all(racers);
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn(status -> status == 409).hasSize(3);
		assertThat(owners(day).stream().filter(owner -> !owner.startsWith("hold:"))).as("one booking holds 14:00")
			.hasSize(1);

		String staffView = this.mvc
			.perform(get("/api/staff/waitlist").param("locationId", CatalogFixtures.WALNUT_CREEK)
				.with(Staff.frontDeskAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> fates = JsonPath.read(staffView, "$[*].offers[*].status");
		assertThat(fates).contains("TAKEN").doesNotContain("OPEN");
		this.mvc
			.perform(get("/api/staff/waitlist").param("locationId", CatalogFixtures.WALNUT_CREEK)
				.with(Staff.frontDeskAt("scottsdale")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRedeliveredCancellationMakesNoSecondOffer() throws Exception {
		LocalDate day = DAY.plusDays(4);
		String ana = join("once@example.com", day, day, "[]");
		String ben = join("twice@example.com", day, day, "[]");
		String booked = book(at(day, 15, 0), "gina@example.com");
		double freedBefore = freedSlots();
		cancel(booked);
		awaitOffer(ana);
		ConsumerRecord<String, String> cancelled = TopicReader
			.readUntil(this.bootstrapServers, this.topics.bookingEvents(),
					records -> records.stream()
						.anyMatch(record -> record.key().equals(booked) && EventContracts.BOOKING_CANCELLED.type()
							.equals(TopicReader.header(record, EventHeaders.TYPE))),
					Duration.ofSeconds(10))
			.stream()
			.filter(record -> record.key().equals(booked)
					&& EventContracts.BOOKING_CANCELLED.type().equals(TopicReader.header(record, EventHeaders.TYPE)))
			.findFirst()
			.orElseThrow();
		ProducerRecord<String, String> again = new ProducerRecord<>(this.topics.bookingEvents(), booked,
				cancelled.value());
		cancelled.headers().forEach(header -> again.headers().add(header));
		this.kafka.send(again).get();

		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.offers.sweep();
			this.mvc.perform(get("/api/waitlist/" + ben)).andExpect(jsonPath("$.status").value("WAITING"));
		});
		assertThat(owners(day).stream().filter(owner -> owner.startsWith("hold:"))).hasSize(1);
		assertThat(freedSlots() - freedBefore).as("rounds opened for the one cancellation").isEqualTo(1.0);
	}

	private double freedSlots() {
		var counter = this.meters.find("medspa.waitlist.offers").tag("outcome", "freed").counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void staffOfferATimeByHandToAWaiterWhoseWishesItMissesAndItRunsOutQuietly() throws Exception {
		LocalDate day = DAY.plusDays(5);
		String mornings = join("byhand@example.com", day, day, "[\"MORNING\"]");
		String id = mornings.substring(0, mornings.lastIndexOf('.'));
		String offer = "{\"entryId\":\"%s\",\"locationId\":\"%s\",\"start\":\"%s\"}";
		this.mvc
			.perform(post("/api/staff/waitlist/offers").with(Staff.frontDeskAt("scottsdale"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(offer.formatted(id, CatalogFixtures.WALNUT_CREEK, iso(at(day, 16, 0)))))
			.andExpect(status().isForbidden());
		String taken = book(at(day, 17, 0), "busy@example.com");
		this.mvc
			.perform(post("/api/staff/waitlist/offers").with(Staff.frontDeskAt(CatalogFixtures.WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(offer.formatted(id, CatalogFixtures.WALNUT_CREEK, iso(at(day, 17, 0)))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/cannot-offer"));
		assertThat(taken).isNotBlank();
		this.mvc
			.perform(post("/api/staff/waitlist/offers").with(Staff.frontDeskAt(CatalogFixtures.WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(offer.formatted(id, CatalogFixtures.WALNUT_CREEK, iso(at(day, 16, 0)))))
			.andExpect(status().isAccepted());
		this.mvc.perform(get("/api/waitlist/" + mornings))
			.andExpect(jsonPath("$.status").value("OFFERED"))
			.andExpect(jsonPath("$.offer.start").value(iso(at(day, 16, 0))));

		this.clock.advance(Duration.ofMinutes(31));
		this.offers.sweep();
		this.mvc.perform(get("/api/waitlist/" + mornings)).andExpect(jsonPath("$.status").value("WAITING"));
		assertThat(owners(day)).noneMatch(owner -> owner.startsWith("hold:"));
	}

	private String join(String email, LocalDate from, LocalDate to, String parts) throws Exception {
		String body = this.mvc
			.perform(post("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
				.content(joinBody(email, from, to, parts)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("WAITING"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.link.token");
	}

	private static String joinBody(String email, LocalDate from, LocalDate to, String parts) {
		return """
				{"treatmentId":"%s","locationId":"%s","from":"%s","to":"%s","partsOfDay":%s,
				 "client":{"name":"Wai Ter","email":"%s","phone":"+1 925 555 0142","consentToSms":false}}
				""".formatted(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, from, to, parts, email);
	}

	/** The key of the offer open for a place, once the freed slot's event came round. */
	private String awaitOffer(String placeToken) throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> offerOf(placeToken) != null);
		return offerOf(placeToken);
	}

	private String offerOf(String placeToken) throws Exception {
		String body = this.mvc.perform(get("/api/waitlist/" + placeToken))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> tokens = JsonPath.read(body, "$..offer.token");
		return tokens.isEmpty() ? null : tokens.get(0);
	}

	private ResultActions claim(String offerToken) throws Exception {
		return this.mvc.perform(post("/api/waitlist/offers/" + offerToken + "/claim"));
	}

	private String book(ZonedDateTime start, String email) throws Exception {
		String body = tryBook(start, email).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private ResultActions tryBook(ZonedDateTime start, String email) throws Exception {
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
			.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, iso(start),
					email)));
	}

	private void cancel(String bookingId) throws Exception {
		this.mvc
			.perform(post("/api/staff/bookings/" + bookingId + "/cancel").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Client called\"}"))
			.andExpect(status().isOk());
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
