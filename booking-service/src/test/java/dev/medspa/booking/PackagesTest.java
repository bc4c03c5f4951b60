package dev.medspa.booking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.payment.LocalPaymentProvider;
import dev.medspa.booking.prepaid.ClientPackage;
import dev.medspa.booking.prepaid.PackageSweeperAccess;
import dev.medspa.booking.prepaid.Packages;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.CancelWithoutAftermath;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.support.links.EmailCodes;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import dev.medspa.testsupport.TopicReader;
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
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Prepaid packages against the real store, broker and the local fake provider, whose
 * journal is the evidence of what was charged: bought once across a lost answer, each
 * session a credit, returned or forfeited per the accepted policy across cancellation,
 * no-show, a request that died and a crash before the booking was stored.
 */
@SpringBootTest(properties = "medspa.booking.payments.sweep-interval=PT1H")
@AutoConfigureMockMvc
@LocalInfrastructure
@Import(PackagesTest.Edge.class)
class PackagesTest {

	private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	private static final LocalDate DAY = LocalDate.of(2026, 12, 22);

	private static final String TOWN = "package-town";

	private static final String FACIAL = "package-facial";

	private static final String OFFER = "package-facial-3";

	private static final String COURSE = "package-course";

	private static final Path JOURNAL;

	static {
		try {
			JOURNAL = Files.createTempDirectory("medspa-packages-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void paymentsDirectory(DynamicPropertyRegistry registry) {
		registry.add("medspa.booking.payments.local-directory", JOURNAL::toString);
	}

	@TestConfiguration
	static class Edge {

		@Bean
		MutableClock clock() {
			return new MutableClock(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
		}

		@Bean
		@Primary
		PaymentsTest.LosingProvider losingProvider(LocalPaymentProvider local) {
			return new PaymentsTest.LosingProvider(local);
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
	MongoTemplate mongo;

	@Autowired
	LocalPaymentProvider provider;

	@Autowired
	PaymentsTest.LosingProvider losing;

	@Autowired
	PackageSweeperAccess sweeper;

	@Autowired
	EmailCodes codes;

	@Autowired
	Packages packages;

	@Autowired
	TopicNames topics;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void clinicWithAPolicyAndAPackage() throws Exception {
		this.clock.set(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
		this.catalog.apply(new TreatmentState(new TreatmentId(FACIAL), FACIAL, FACIAL, "facial", "",
				Duration.ofMinutes(30), Duration.ZERO, Duration.ofMinutes(10), new BigDecimal("120.00"), "USD",
				"consultation-room", "peel", null, null, List.of(), true, 1, null));
		this.catalog.apply(new LocationState(new LocationId(TOWN), TOWN, "Package Town",
				new LocationState.Address("1 Main Street", "Package Town", "CA", "94596", "US"), "+1 925 555 0100",
				"America/Los_Angeles",
				List.of(new LocationState.Room(TOWN + "-room", "Consultation room", "consultation-room", true)),
				List.of(new TreatmentId(FACIAL), new TreatmentId(COURSE)), true, 1, List.of()));
		// a treatment given as a course of three, a week apart at least
		this.catalog
			.apply(new TreatmentState(new TreatmentId(COURSE), COURSE, COURSE, "facial", "", Duration.ofMinutes(30),
					Duration.ZERO, Duration.ofMinutes(10), new BigDecimal("100.00"), "USD", "consultation-room", "peel",
					null, new TreatmentState.SeriesRule(3, java.time.Period.ofWeeks(1), java.time.Period.ofWeeks(2)),
					List.of(), true, 1, null));
		this.catalog.apply(CatalogFixtures.practitioner("package-pro", TOWN));
		this.schedules.replace("package-pro", java.util.OptionalLong.empty(), CatalogFixtures.everyDay(TOWN),
				List.of());
		if (this.mvc.perform(get("/api/policies?treatment=" + FACIAL + "&location=" + TOWN))
			.andReturn()
			.getResponse()
			.getStatus() == 404) {
			// 20.00 deposit; cancelling inside 48 hours costs 50.00, not coming 80.00
			this.mvc
				.perform(put("/api/staff/policies/" + FACIAL).with(Staff.owner())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"deposit\":2000,\"cardOnFile\":true,\"lateCancelWindow\":\"PT48H\","
							+ "\"lateCancelFee\":5000,\"noShowFee\":8000}"))
				.andExpect(status().isOk());
		}
		this.mvc
			.perform(put("/api/staff/packages/offers/" + OFFER).with(Staff.managerAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"treatmentId\":\"" + FACIAL + "\",\"name\":\"Facial, course of 3\",\"sessions\":3,"
						+ "\"price\":30000}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currency").value("USD"));
	}

	@Test
	void eachSessionUsesACreditThatACancellationInTimeReturnsAndALateOneOrANoShowForfeits() throws Exception {
		String email = "course@example.com";
		String purchase = UUID.randomUUID().toString();
		buy(email, purchase, "pm_card_visa").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.remaining").value(3))
			.andExpect(jsonPath("$.price").value(30000));
		// the same purchase sent again is the same package, charged once
		buy(email, purchase, "pm_card_visa").andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(purchase));
		assertThat(charges("package:" + purchase)).singleElement()
			.satisfies(charge -> assertThat(charge.amount()).isEqualTo(30000));

		Created inTime = bookWithPackage(at(9, 0), email);
		Created late = bookWithPackage(at(10, 0), email);
		Created missed = bookWithPackage(at(11, 0), email);
		// no deposit and no card for a session paid with the package
		assertThat(this.provider.entries()).noneMatch(entry -> entry.key().startsWith(inTime.id())
				|| entry.key().startsWith(late.id()) || entry.key().startsWith(missed.id()));
		assertThat(remaining(email)).isEqualTo(0);

		// a fourth is refused, books nothing and holds nothing
		book(at(12, 0), email, true, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/no-package-credit"))
			.andExpect(jsonPath("$.errors[0].field").value("usePackage"));
		assertThat(this.mongo.count(Query.query(Criteria.where("client.normalizedEmail").is(email)), Booking.class))
			.isEqualTo(3);
		String withDeposit = JsonPath
			.read(book(at(12, 0), "other@example.com", false, "pm_card_visa").andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.manage.token");
		// what cancelling would cost is told before the client confirms it
		this.mvc.perform(get("/api/manage/" + withDeposit + "/cancellation"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lateNow").value(false))
			.andExpect(jsonPath("$.lateFrom").value(at(12, 0).minusHours(48).toInstant().toString()))
			.andExpect(jsonPath("$.fee").value(5000))
			.andExpect(jsonPath("$.depositHeld").value(2000))
			.andExpect(jsonPath("$.packageSession").value(false));
		this.mvc.perform(get("/api/manage/" + inTime.token() + "/cancellation"))
			.andExpect(jsonPath("$.lateNow").value(false))
			.andExpect(jsonPath("$.fee").value(0))
			.andExpect(jsonPath("$.packageSession").value(true));

		// cancelled a week before: the session goes back
		this.mvc.perform(post("/api/manage/" + inTime.token() + "/cancel")).andExpect(status().isOk());
		assertThat(credit(inTime.id())).containsEntry("state", "RETURNED");
		assertThat(remaining(email)).isEqualTo(1);

		// cancelled 30 hours before, inside the 48-hour window: forfeited, and no fee
		this.clock.set(at(10, 0).minusHours(30).toInstant());
		this.mvc.perform(get("/api/manage/" + late.token() + "/cancellation"))
			.andExpect(jsonPath("$.lateNow").value(true))
			.andExpect(jsonPath("$.packageSession").value(true));
		this.mvc.perform(post("/api/manage/" + late.token() + "/cancel")).andExpect(status().isOk());
		assertThat(credit(late.id())).containsEntry("state", "FORFEITED");
		assertThat(remaining(email)).isEqualTo(1);

		// not come: forfeited, and no fee
		this.clock.set(at(11, 10).toInstant());
		this.mvc.perform(post("/api/staff/bookings/" + missed.id() + "/no-show").with(Staff.frontDeskAt(TOWN)))
			.andExpect(status().isOk());
		assertThat(credit(missed.id())).containsEntry("state", "FORFEITED");
		assertThat(remaining(email)).isEqualTo(1);
		assertThat(this.provider.entries()).noneMatch(entry -> entry.key().contains("fee"));

		// the events read back change nothing more
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(credit(late.id())).containsEntry("state", "FORFEITED");
			assertThat(remaining(email)).isEqualTo(1);
		});

		// staff give the missed one back, with a reason; only staff of the location
		this.mvc
			.perform(
					post("/api/staff/bookings/" + missed.id() + "/package/restore").with(Staff.frontDeskAt("elsewhere"))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\":\"Snowed in\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/staff/bookings/" + missed.id() + "/package/restore").with(Staff.frontDeskAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Snowed in\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("RETURNED"))
			.andExpect(jsonPath("$.remaining").value(2));

		// the client's manage page of their next visit shows the balance and that this
		// visit uses a session
		Created next = bookWithPackage(at(15, 0), email);
		this.mvc.perform(get("/api/manage/" + next.token() + "/packages"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.packages.length()").value(1))
			.andExpect(jsonPath("$.packages[0].remaining").value(1))
			.andExpect(jsonPath("$.packages[0].clientEmail").doesNotExist())
			.andExpect(jsonPath("$.thisBooking.state").value("USED"));
		this.mvc.perform(get("/api/manage/not-a-token/packages")).andExpect(status().isNotFound());
		// and staff read it by address or by booking
		this.mvc.perform(get("/api/staff/packages?email=Course@Example.com").with(Staff.frontDeskAt("elsewhere")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].credits.length()").value(4))
			.andExpect(jsonPath("$[0].clientEmail").value(email));
		this.mvc.perform(get("/api/staff/bookings/" + late.id() + "/package").with(Staff.frontDeskAt(TOWN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("FORFEITED"))
			.andExpect(jsonPath("$.sessions").value(3));
		this.mvc.perform(get("/api/staff/bookings/" + late.id() + "/package").with(Staff.frontDeskAt("elsewhere")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCancellationByTheClinicReturnsTheSessionEvenInsideTheWindow() throws Exception {
		String email = "clinic-cancel@example.com";
		buy(email, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated());
		Created booking = bookWithPackage(at(13, 0), email);
		this.clock.set(at(13, 0).minusHours(2).toInstant());

		this.mvc
			.perform(post("/api/staff/bookings/" + booking.id() + "/cancel").with(Staff.frontDeskAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Practitioner ill\"}"))
			.andExpect(status().isOk());

		assertThat(credit(booking.id())).containsEntry("state", "RETURNED");
		assertThat(remaining(email)).isEqualTo(3);
	}

	@Test
	void twoBookingsRacingForTheLastSessionGetOneBetweenThem() throws Exception {
		String email = "race@example.com";
		buy(email, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated());
		bookWithPackage(at(9, 0).plusDays(1), email);
		bookWithPackage(at(10, 0).plusDays(1), email);

		List<Integer> statuses = Races.book(this.mvc,
				List.of(packageRequest(at(11, 0).plusDays(1), email), packageRequest(at(12, 0).plusDays(1), email)));

		assertThat(statuses).containsExactlyInAnyOrder(201, 422);
		assertThat(remaining(email)).isEqualTo(0);
		assertThat(this.mongo.count(Query.query(Criteria.where("client.normalizedEmail").is(email)), Booking.class))
			.isEqualTo(3);
	}

	@Test
	void aPurchaseWhoseAnswerWasLostIsFinishedBySendingItAgainAndChargedOnce() throws Exception {
		String email = "lost@example.com";
		String purchase = UUID.randomUUID().toString();
		this.losing.lose.add("package:" + purchase);

		buy(email, purchase, "pm_card_visa").andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/payment-unavailable"));
		assertThat(charges("package:" + purchase)).hasSize(1);
		assertThat(remaining(email)).isEqualTo(0);

		buy(email, purchase, "pm_card_visa").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PAID"));
		this.clock.advance(Duration.ofMinutes(30));
		this.sweeper.sweep();

		assertThat(charges("package:" + purchase)).hasSize(1);
		assertThat(this.provider.entries()).noneMatch(entry -> entry.op().equals("refund"));
		assertThat(remaining(email)).isEqualTo(3);
	}

	@Test
	void aPurchaseNobodyCameBackForIsGivenBackByTheSweep() throws Exception {
		String email = "gone@example.com";
		String purchase = UUID.randomUUID().toString();
		this.losing.lose.add("package:" + purchase);
		buy(email, purchase, "pm_card_visa").andExpect(status().isServiceUnavailable());

		// within the grace the buyer may still come back: nothing is done
		this.clock.advance(Duration.ofMinutes(2));
		this.sweeper.sweep();
		assertThat(refunds("package:" + purchase + ":refund")).isEmpty();

		this.clock.advance(Duration.ofMinutes(10));
		this.sweeper.sweep();
		this.sweeper.sweep();

		assertThat(charges("package:" + purchase)).hasSize(1);
		assertThat(refunds("package:" + purchase + ":refund")).singleElement()
			.satisfies(refund -> assertThat(refund.amount()).isEqualTo(30000));
		assertThat(this.packages.byId(purchase).orElseThrow().status()).isEqualTo(ClientPackage.Status.REFUNDED);
		buy(email, purchase, "pm_card_visa").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/purchase-abandoned"));
		book(at(16, 0), email, true, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/no-package-credit"));
	}

	@Test
	void eachPaidPackageIsPublishedOnceAndNoDeclinedOrGivenBackPurchaseIs() throws Exception {
		String email = "receipt@example.com";
		String paid = UUID.randomUUID().toString();
		String resent = UUID.randomUUID().toString();
		String declined = UUID.randomUUID().toString();
		String abandoned = UUID.randomUUID().toString();
		buy(email, paid, "pm_card_visa").andExpect(status().isCreated());
		buy(email, paid, "pm_card_visa").andExpect(status().isCreated());
		this.losing.lose.add("package:" + resent);
		buy(email, resent, "pm_card_visa").andExpect(status().isServiceUnavailable());
		buy(email, resent, "pm_card_visa").andExpect(status().isCreated());
		buy(email, declined, "pm_decline_insufficient_funds").andExpect(status().isUnprocessableContent());
		this.losing.lose.add("package:" + abandoned);
		buy(email, abandoned, "pm_card_visa").andExpect(status().isServiceUnavailable());
		this.clock.advance(Duration.ofMinutes(15));
		this.sweeper.sweep();
		this.sweeper.sweep();
		assertThat(this.packages.byId(abandoned).orElseThrow().status()).isEqualTo(ClientPackage.Status.REFUNDED);

		List<ConsumerRecord<String, String>> published = TopicReader.readSettled(this.bootstrapServers,
				this.topics.packageEvents(), record -> Set.of(paid, resent, declined, abandoned).contains(record.key()),
				2, Duration.ofSeconds(2));

		assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(paid, resent);
		assertThat(published).allSatisfy(record -> {
			assertThat(TopicReader.header(record, EventHeaders.TYPE))
				.isEqualTo(EventContracts.PACKAGE_PURCHASED.type());
			assertThat(record.value()).doesNotContain("pm_");
			assertThat((String) JsonPath.read(record.value(), "$.packageId")).isEqualTo(record.key());
			assertThat((Integer) JsonPath.read(record.value(), "$.price")).isEqualTo(30000);
			assertThat((Integer) JsonPath.read(record.value(), "$.sessions")).isEqualTo(3);
			assertThat((String) JsonPath.read(record.value(), "$.client.email")).isEqualTo(email);
			assertThat((String) JsonPath.read(record.value(), "$.client.phone")).isEqualTo("+1 925 555 0199");
			assertThat((String) JsonPath.read(record.value(), "$.providerReference")).isNotBlank();
		});
	}

	@Test
	void aDeclinedCardBuysNothingAndTheAddressMustBeProven() throws Exception {
		String email = "declined-package@example.com";
		buy(email, UUID.randomUUID().toString(), "pm_decline_insufficient_funds")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/payment-declined"))
			.andExpect(jsonPath("$.errors[0].field").value("paymentMethod"));
		assertThat(remaining(email)).isEqualTo(0);

		this.mvc
			.perform(post("/api/packages").contentType(MediaType.APPLICATION_JSON)
				.content(purchaseBody(email, UUID.randomUUID().toString(), "pm_card_visa", null)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/email-code-required"));
		this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(packageRequest(at(16, 30), email).replaceFirst("\"emailCode\":\"[0-9]+\",", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/email-code-required"));
		this.mvc
			.perform(
					post("/api/packages").contentType(MediaType.APPLICATION_JSON)
						.content(purchaseBody(email, UUID.randomUUID().toString(), "pm_card_visa", "000000")
							.replace(OFFER, "no-such-offer")))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aCreditIsSettledFromTheEventWhenTheRequestDiedAfterTheCancellation(@Autowired CancelWithoutAftermath crash)
			throws Exception {
		String email = "died@example.com";
		buy(email, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated());
		Created booking = bookWithPackage(at(17, 0), email);
		this.clock.set(at(17, 0).minusHours(30).toInstant());

		crash.clientCancels(booking.id());

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(credit(booking.id())).containsEntry("state", "FORFEITED"));
		assertThat(remaining(email)).isEqualTo(2);
	}

	@Test
	void aCreditHeldForABookingNeverStoredGoesBackAndOneWhoseBookingWasStoredIsUsed() throws Exception {
		String email = "crash@example.com";
		buy(email, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated());
		Created stored = bookWithPackage(at(18, 0), email);
		// a crash right after holding a credit: the booking was never stored
		String ghost = UUID.randomUUID().toString();
		this.packages.hold(ghost, email, FACIAL, at(18, 30).toInstant(), Packages.Forfeits.of(null));
		assertThat(remaining(email)).isEqualTo(1);

		this.sweeper.sweep();
		assertThat(remaining(email)).as("the lease keeps the sweeper away").isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(2));
		this.sweeper.sweep();

		ClientPackage bought = this.packages.ofClient(email).get(0);
		assertThat(bought.credit(ghost).orElseThrow().state()).isEqualTo(ClientPackage.CreditState.RETURNED);
		assertThat(bought.credit(stored.id()).orElseThrow().state()).isEqualTo(ClientPackage.CreditState.USED);
		assertThat(bought.remaining()).isEqualTo(2);
	}

	@Test
	void aClientsPackagesAreInTheirExportAndErasureLeavesTheSaleWithoutTheirName() throws Exception {
		String email = "private.buyer@example.com";
		String purchase = UUID.randomUUID().toString();
		buy(email, purchase, "pm_card_visa").andExpect(status().isCreated());
		String request = "{\"email\":\"%s\",\"emailCode\":\"%s\",\"reason\":\"Asked by phone\"}"
			.formatted("Private.Buyer@example.com", this.codes.code("Private.Buyer@example.com", this.clock.instant()));

		this.mvc
			.perform(post("/api/staff/clients/export").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(request))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.others.packages[0].id").value(purchase))
			.andExpect(jsonPath("$.others.packages[0].clientName").value("Ana Gomez"));
		this.mvc
			.perform(post("/api/staff/clients/erase").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(request))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.erasedOthers.packages").value(1));

		assertThat(this.packages.ofClient(email)).isEmpty();
		String stored = this.mongo.findById(purchase, org.bson.Document.class, "client_packages").toJson();
		assertThat(stored).doesNotContain("private.buyer").doesNotContain("Ana Gomez").contains("30000");
	}

	@Test
	void aWholeCourseIsPaidWithThePackageOrNothingIsBooked() throws Exception {
		this.mvc
			.perform(put("/api/staff/packages/offers/" + COURSE + "-3").with(Staff.managerAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"treatmentId\":\"" + COURSE + "\",\"name\":\"Course of 3\",\"sessions\":3,"
						+ "\"price\":25000}"))
			.andExpect(status().isOk());
		String email = "whole-course@example.com";
		this.mvc
			.perform(post("/api/packages").contentType(MediaType.APPLICATION_JSON)
				.content(purchaseBody(email, UUID.randomUUID().toString(), "pm_card_visa",
						this.codes.code(email, this.clock.instant()))
					.replace(OFFER, COURSE + "-3")))
			.andExpect(status().isCreated());
		String single = JsonPath.read(this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(COURSE, TOWN, iso(at(8, 0).minusDays(3)), email)
					.replaceFirst("\\{",
							"{\"usePackage\":true,\"emailCode\":\"" + this.codes.code(email, this.clock.instant())
									+ "\",")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.manage.token");
		String course = """
				{"treatmentId":"%s","locationId":"%s","usePackage":true,"emailCode":"%s",
				 "starts":["%s","%s","%s"],
				 "client":{"name":"Ana Gomez","email":"%s","phone":"+1 925 555 0199"}}
				""".formatted(COURSE, TOWN, this.codes.code(email, this.clock.instant()), iso(at(8, 0).plusDays(7)),
				iso(at(8, 0).plusDays(14)), iso(at(8, 0).plusDays(21)), email);

		// two sessions left for a course of three: refused before anything is held
		this.mvc.perform(post("/api/series").contentType(MediaType.APPLICATION_JSON).content(course))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/no-package-credit"))
			.andExpect(jsonPath("$.errors[0].field").value("usePackage"));
		assertThat(this.mongo.count(Query.query(Criteria.where("client.normalizedEmail").is(email)), Booking.class))
			.isEqualTo(1);

		// the single visit cancelled in time gives its session back, and the course takes
		// all three
		this.mvc.perform(post("/api/manage/" + single + "/cancel")).andExpect(status().isOk());
		String booked = this.mvc.perform(post("/api/series").contentType(MediaType.APPLICATION_JSON).content(course))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> sessions = JsonPath.read(booked, "$.sessions[*].id");
		assertThat(sessions).hasSize(3);
		assertThat(remaining(email)).isEqualTo(0);
		ClientPackage bought = this.packages.ofClient(email).get(0);
		assertThat(sessions).allSatisfy(
				id -> assertThat(bought.credit(id).orElseThrow().state()).isEqualTo(ClientPackage.CreditState.USED));
		assertThat(this.provider.entries()).noneMatch(entry -> sessions.stream().anyMatch(entry.key()::startsWith));
	}

	private ResultActions buy(String email, String purchaseId, String paymentMethod) throws Exception {
		return this.mvc.perform(post("/api/packages").contentType(MediaType.APPLICATION_JSON)
			.content(purchaseBody(email, purchaseId, paymentMethod, this.codes.code(email, this.clock.instant()))));
	}

	private static String purchaseBody(String email, String purchaseId, String paymentMethod, String code) {
		return """
				{"offerId":"%s","purchaseId":"%s","paymentMethod":"%s",%s
				 "client":{"name":"Ana Gomez","email":"%s","phone":"+1 925 555 0199"}}
				""".formatted(OFFER, purchaseId, paymentMethod, code == null ? "" : "\"emailCode\":\"" + code + "\",",
				email);
	}

	private record Created(String id, String token) {
	}

	private Created bookWithPackage(ZonedDateTime start, String email) throws Exception {
		String body = book(start, email, true, null).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new Created(JsonPath.read(body, "$.id"), JsonPath.read(body, "$.manage.token"));
	}

	private ResultActions book(ZonedDateTime start, String email, boolean usePackage, String paymentMethod)
			throws Exception {
		String body = usePackage ? packageRequest(start, email)
				: BookingApiTest.request(FACIAL, TOWN, iso(start), email)
					.replaceFirst("\\{", "{\"policyAcceptance\":{\"version\":" + version() + "},\"paymentMethod\":\""
							+ paymentMethod + "\",");
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private String packageRequest(ZonedDateTime start, String email) throws Exception {
		return BookingApiTest.request(FACIAL, TOWN, iso(start), email)
			.replaceFirst("\\{", "{\"usePackage\":true,\"emailCode\":\"" + this.codes.code(email, this.clock.instant())
					+ "\",\"policyAcceptance\":{\"version\":" + version() + "},");
	}

	private int version() throws Exception {
		return JsonPath.read(this.mvc.perform(get("/api/policies?treatment=" + FACIAL + "&location=" + TOWN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.version");
	}

	private int remaining(String email) {
		return this.packages.ofClient(email).stream().mapToInt(ClientPackage::remaining).sum();
	}

	private Map<String, Object> credit(String bookingId) throws Exception {
		return JsonPath.read(this.mvc.perform(get("/api/staff/bookings/" + bookingId + "/package").with(Staff.owner()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$");
	}

	private List<LocalPaymentProvider.Entry> charges(String key) {
		return this.provider.entries()
			.stream()
			.filter(entry -> entry.op().equals("charge") && entry.key().equals(key))
			.toList();
	}

	private List<LocalPaymentProvider.Entry> refunds(String key) {
		return this.provider.entries()
			.stream()
			.filter(entry -> entry.op().equals("refund") && entry.key().equals(key))
			.toList();
	}

	private static ZonedDateTime at(int hour, int minute) {
		return DAY.atTime(hour, minute).atZone(LA);
	}

	private static String iso(ZonedDateTime time) {
		return time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
