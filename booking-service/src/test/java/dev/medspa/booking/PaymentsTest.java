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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.payment.LocalPaymentProvider;
import dev.medspa.booking.payment.PaymentProvider;
import dev.medspa.booking.payment.PaymentSweeperAccess;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.CancelWithoutAftermath;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.MutableClock;
import dev.medspa.testsupport.TopicReader;
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
 * Deposits, fees and refunds against the real store and the local fake provider, whose
 * journal is the evidence of what reached the provider. A provider whose answers can be
 * lost stands in for a crash between the provider's answer and our write.
 */
@SpringBootTest(properties = "medspa.booking.payments.sweep-interval=PT1H")
@AutoConfigureMockMvc
@LocalInfrastructure
@Import(PaymentsTest.Edge.class)
class PaymentsTest {

	private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	private static final LocalDate DAY = LocalDate.of(2026, 12, 21);

	static final String TOWN = "deposit-town";

	static final String FACIAL = "deposit-facial";

	static final String PEEL = "deposit-peel";

	private static final Path JOURNAL;

	static {
		try {
			JOURNAL = Files.createTempDirectory("medspa-payments-test");
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
		LosingProvider losingProvider(LocalPaymentProvider local) {
			return new LosingProvider(local);
		}

	}

	/**
	 * The provider, whose answer to the keys it is told is lost on the way back, as in a
	 * crash or a cut connection after the provider moved the money.
	 */
	static final class LosingProvider implements PaymentProvider {

		private final LocalPaymentProvider provider;

		final Set<String> lose = ConcurrentHashMap.newKeySet();

		final Set<String> lost = ConcurrentHashMap.newKeySet();

		volatile boolean loseNextDeposit;

		LosingProvider(LocalPaymentProvider provider) {
			this.provider = provider;
		}

		private Outcome maybeLost(String key, Outcome outcome) {
			if (this.loseNextDeposit && key.endsWith(":deposit")) {
				this.loseNextDeposit = false;
				this.lost.add(key);
				throw new Unavailable("the answer to " + key + " was lost", null);
			}
			if (this.lose.remove(key)) {
				throw new Unavailable("the answer to " + key + " was lost", null);
			}
			return outcome;
		}

		@Override
		public Outcome keepCard(String key, String customer, String paymentMethod) {
			return maybeLost(key, this.provider.keepCard(key, customer, paymentMethod));
		}

		@Override
		public Outcome charge(String key, String customer, String paymentMethod, long amount, String currency) {
			return maybeLost(key, this.provider.charge(key, customer, paymentMethod, amount, currency));
		}

		@Override
		public Outcome refund(String key, String paymentId, long amount) {
			return maybeLost(key, this.provider.refund(key, paymentId, amount));
		}

	}

	@Autowired
	TopicNames topics;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

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
	LosingProvider losing;

	@Autowired
	PaymentSweeperAccess sweeper;

	@BeforeEach
	void clinicWithAPolicy() throws Exception {
		this.clock.set(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
		this.catalog.apply(treatment(FACIAL));
		this.catalog.apply(treatment(PEEL));
		this.catalog.apply(new LocationState(new LocationId(TOWN), TOWN, "Deposit Town",
				new LocationState.Address("1 Main Street", "Deposit Town", "CA", "94596", "US"), "+1 925 555 0100",
				"America/Los_Angeles",
				List.of(new LocationState.Room(TOWN + "-room", "Consultation room", "consultation-room", true)),
				List.of(new TreatmentId(FACIAL), new TreatmentId(PEEL)), true, 1, List.of()));
		this.catalog.apply(CatalogFixtures.practitioner("deposit-pro", TOWN));
		this.schedules.replace("deposit-pro", java.util.OptionalLong.empty(), CatalogFixtures.everyDay(TOWN),
				List.of());
		if (this.mvc.perform(get("/api/policies?treatment=" + FACIAL + "&location=" + TOWN))
			.andReturn()
			.getResponse()
			.getStatus() == 404) {
			// 20.00 deposit; cancelling inside 48 hours costs 50.00, not coming 80.00
			setPolicy(FACIAL, 2000, 5000, 8000).andExpect(status().isOk());
		}
	}

	private static TreatmentState treatment(String id) {
		return new TreatmentState(new TreatmentId(id), id, id, "facial", "", Duration.ofMinutes(30), Duration.ZERO,
				Duration.ofMinutes(10), new BigDecimal("120.00"), "USD", "consultation-room", "peel", null, null,
				List.of(), true, 1, null);
	}

	@Test
	void aDeclinedDepositBooksNothingAndTheHeldSlotIsFreeAtOnce() throws Exception {
		String hold = JsonPath.read(this.mvc
			.perform(post("/api/holds").contentType(MediaType.APPLICATION_JSON)
				.content("{\"treatmentId\":\"" + FACIAL + "\",\"locationId\":\"" + TOWN + "\",\"start\":\""
						+ iso(at(9, 0)) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.holdId");

		book(FACIAL, at(9, 0), "declined@example.com", version(FACIAL), "pm_decline_insufficient_funds", hold)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/payment-declined"))
			.andExpect(jsonPath("$.declineCode").value("card_declined"));

		assertThat(
				this.mongo.find(Query.query(Criteria.where("client.email").is("declined@example.com")), Booking.class))
			.isEmpty();
		assertThat(this.provider.entries())
			.filteredOn(entry -> "pm_decline_insufficient_funds".equals(entry.paymentMethod()))
			.allMatch(entry -> entry.status().equals("failed"));
		// the slot is bookable right after
		String id = booked(FACIAL, at(9, 0), "taker@example.com");
		assertThat(charges(id + ":deposit")).singleElement().satisfies(charge -> {
			assertThat(charge.amount()).isEqualTo(2000);
			assertThat(charge.status()).isEqualTo("succeeded");
		});
	}

	@Test
	void aDepositWhoseAnswerWasLostBooksNothingAndTheSweepGivesItBack() throws Exception {
		this.losing.loseNextDeposit = true;

		book(FACIAL, at(17, 0), "lost@example.com", version(FACIAL), "pm_card_visa", null)
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/payment-unavailable"));
		String key = this.losing.lost.iterator().next();
		String id = key.substring(0, key.indexOf(':'));
		// the provider took the deposit, but nothing was booked, and the slot is free at
		// once
		assertThat(charges(key)).hasSize(1);
		assertThat(this.mongo.findById(id, Booking.class)).isNull();
		booked(FACIAL, at(17, 0), "instead@example.com");

		this.clock.advance(Duration.ofMinutes(2));
		this.sweeper.sweep();

		assertThat(line(id, "DEPOSIT")).containsEntry("status", "SUCCEEDED");
		assertThat(line(id, "DEPOSIT_REFUND")).containsEntry("status", "SUCCEEDED").containsEntry("amount", 2000);
		assertThat(charges(key)).hasSize(1);
		assertThat(refunds(id + ":deposit-refund")).hasSize(1);
	}

	@Test
	void theDepositIsTakenBeforeTheBookingAndStaffOfTheLocationReadItsLedger() throws Exception {
		int version = version(FACIAL);
		String id = booked(FACIAL, at(10, 0), "deposit@example.com");

		this.mvc.perform(get("/api/staff/bookings/" + id + "/ledger").with(Staff.frontDeskAt(TOWN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.policyVersion").value(version))
			.andExpect(jsonPath("$.paymentMethodOnFile").value(true))
			.andExpect(jsonPath("$.lines.length()").value(1))
			.andExpect(jsonPath("$.lines[0].kind").value("DEPOSIT"))
			.andExpect(jsonPath("$.lines[0].amount").value(2000))
			.andExpect(jsonPath("$.lines[0].status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.lines[0].idempotencyKey").value(id + ":deposit"));
		this.mvc.perform(get("/api/staff/bookings/" + id + "/ledger").with(Staff.frontDeskAt("elsewhere")))
			.andExpect(status().isForbidden());
		Booking booking = this.mongo.findById(id, Booking.class);
		assertThat(booking.policyAcceptance().version()).isEqualTo(version);
		assertThat(booking.policyAcceptance().acceptedAt()).isEqualTo(this.clock.instant());
	}

	@Test
	void aBookingWithoutTheCurrentVersionOrACardIsRefusedNamingTheVersion() throws Exception {
		int version = version(FACIAL);
		book(FACIAL, at(11, 0), "none@example.com", null, "pm_card_visa", null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/policy-not-accepted"))
			.andExpect(jsonPath("$.currentVersion").value(version));
		book(FACIAL, at(11, 0), "stale@example.com", version + 1, "pm_card_visa", null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.currentVersion").value(version));
		book(FACIAL, at(11, 0), "nocard@example.com", version, null, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/payment-method-required"));
		this.mvc
			.perform(post("/api/staff/bookings").with(Staff.frontDeskAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(FACIAL, TOWN, iso(at(11, 0)), "staff@example.com")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.currentVersion").value(version));
	}

	@Test
	void aLateCancellationIsChargedOnceAcrossALostAnswerAndARepeatedCancel() throws Exception {
		Created booking = create(FACIAL, at(12, 0), "late@example.com", version(FACIAL));
		String key = booking.id() + ":late-cancel-fee";
		this.clock.set(at(12, 0).minusHours(30).toInstant());
		this.losing.lose.add(key);

		this.mvc.perform(post("/api/manage/" + booking.token() + "/cancel")).andExpect(status().isOk());

		assertThat(line(booking.id(), "LATE_CANCEL_FEE")).containsEntry("status", "PENDING")
			.containsEntry("amount", 3000);
		assertThat(charges(key)).hasSize(1);
		this.mvc.perform(post("/api/manage/" + booking.token() + "/cancel")).andExpect(status().isConflict());
		this.sweeper.sweep();
		assertThat(line(booking.id(), "LATE_CANCEL_FEE")).containsEntry("status", "PENDING");

		this.clock.advance(Duration.ofMinutes(2));
		this.sweeper.sweep();
		this.sweeper.sweep();

		assertThat(line(booking.id(), "LATE_CANCEL_FEE")).containsEntry("status", "SUCCEEDED");
		assertThat(charges(key)).singleElement().satisfies(charge -> assertThat(charge.amount()).isEqualTo(3000));
		assertThat(charges(booking.id() + ":deposit-refund")).isEmpty();
	}

	@Test
	void theFeeIsChargedFromTheEventWhenTheRequestDiedAfterTheCancellation(@Autowired CancelWithoutAftermath crash)
			throws Exception {
		Created booking = create(FACIAL, at(18, 0), "crash@example.com", version(FACIAL));
		this.clock.set(at(18, 0).minusHours(30).toInstant());

		crash.clientCancels(booking.id());

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(line(booking.id(), "LATE_CANCEL_FEE")).containsEntry("status", "SUCCEEDED")
				.containsEntry("amount", 3000));
		assertThat(charges(booking.id() + ":late-cancel-fee")).hasSize(1);
	}

	@Test
	void aNoShowIsChargedOnceAndStaffWaiveItWithAReason() throws Exception {
		String id = booked(FACIAL, at(13, 0), "noshow@example.com");
		this.clock.set(at(13, 10).toInstant());

		staff(id, "no-show").andExpect(status().isOk());
		staff(id, "no-show").andExpect(status().isConflict());
		await().untilAsserted(() -> assertThat(line(id, "NO_SHOW_FEE")).containsEntry("status", "SUCCEEDED")
			.containsEntry("amount", 6000));
		assertThat(charges(id + ":no-show-fee")).hasSize(1);

		this.mvc
			.perform(post("/api/staff/bookings/" + id + "/ledger/waiver").with(Staff.frontDeskAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Family emergency, phoned the day before\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[?(@.kind=='NO_SHOW_FEE')].status").value("WAIVED"))
			.andExpect(jsonPath("$.lines[?(@.kind=='FEE_REFUND')].amount").value(6000))
			.andExpect(jsonPath("$.lines[?(@.kind=='WAIVER_DEPOSIT_REFUND')].amount").value(2000));
		assertThat(refunds(id + ":fee-refund")).singleElement()
			.satisfies(refund -> assertThat(refund.status()).isEqualTo("succeeded"));
		assertThat(refunds(id + ":waiver-deposit-refund")).hasSize(1);

		// every money movement is an event on the booking's topic, once, without card
		// data
		List<String> movements = TopicReader
			.readSettled(this.bootstrapServers, this.topics.bookingEvents(),
					record -> id.equals(record.key()) && EventContracts.PAYMENT_RECORDED.type()
						.equals(TopicReader.header(record, EventHeaders.TYPE)),
					5, Duration.ofSeconds(2))
			.stream()
			.map(record -> {
				assertThat(record.value()).doesNotContain("pm_");
				return JsonPath.read(record.value(), "$.movement") + " " + JsonPath.read(record.value(), "$.status");
			})
			.toList();
		assertThat(movements).doesNotHaveDuplicates()
			.contains("DEPOSIT SUCCEEDED", "NO_SHOW_FEE SUCCEEDED", "NO_SHOW_FEE WAIVED", "FEE_REFUND SUCCEEDED",
					"WAIVER_DEPOSIT_REFUND SUCCEEDED");
	}

	@Test
	void aCancellationByTheClinicRefundsTheDeposit() throws Exception {
		String id = booked(FACIAL, at(14, 0), "clinic@example.com");
		this.clock.set(at(14, 0).minusHours(2).toInstant());

		this.mvc
			.perform(post("/api/staff/bookings/" + id + "/cancel").with(Staff.frontDeskAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Practitioner ill\"}"))
			.andExpect(status().isOk());

		await().untilAsserted(() -> assertThat(line(id, "DEPOSIT_REFUND")).containsEntry("status", "SUCCEEDED")
			.containsEntry("amount", 2000));
		String deposit = charges(id + ":deposit").get(0).id();
		assertThat(refunds(id + ":deposit-refund")).singleElement()
			.satisfies(refund -> assertThat(refund.paymentId()).isEqualTo(deposit));
		assertThat(this.provider.entries()).noneMatch(entry -> entry.key().startsWith(id + ":late"));
	}

	@Test
	void aBookingKeepsTheVersionItAcceptedWhenThePolicyChanges() throws Exception {
		if (this.mvc.perform(get("/api/policies?treatment=" + PEEL + "&location=" + TOWN))
			.andReturn()
			.getResponse()
			.getStatus() == 404) {
			setPolicy(PEEL, 2000, 5000, 8000).andExpect(status().isOk());
		}
		int accepted = version(PEEL);
		Created booking = create(PEEL, at(15, 0), "versions@example.com", accepted);

		setPolicy(PEEL, 4000, 9000, 9000).andExpect(status().isOk())
			.andExpect(jsonPath("$.current").value(accepted + 1))
			.andExpect(jsonPath("$.versions[" + (accepted - 1) + "].terms.lateCancelFee").value(5000));
		book(PEEL, at(16, 0), "after@example.com", accepted, "pm_card_visa", null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.currentVersion").value(accepted + 1));

		this.clock.set(at(15, 0).minusHours(30).toInstant());
		this.mvc.perform(post("/api/manage/" + booking.token() + "/cancel")).andExpect(status().isOk());
		assertThat(line(booking.id(), "LATE_CANCEL_FEE")).containsEntry("amount", 3000);
		assertThat(this.mongo.findById(booking.id(), Booking.class).policyAcceptance().version()).isEqualTo(accepted);
	}

	@Test
	void onlyManagersOfTheLocationAndOwnersSetItsPolicy() throws Exception {
		String body = "{\"deposit\":1000,\"cardOnFile\":true,\"lateCancelWindow\":\"PT24H\",\"lateCancelFee\":0,"
				+ "\"noShowFee\":0}";
		this.mvc
			.perform(put("/api/staff/locations/" + TOWN + "/policies/unknown-treatment").with(Staff.frontDeskAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/staff/policies/" + FACIAL).with(Staff.managerAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/staff/locations/" + TOWN + "/policies/unknown-treatment").with(Staff.managerAt(TOWN))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/unknown-treatment"));
		this.mvc
			.perform(put("/api/staff/policies/" + FACIAL).with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("\"cardOnFile\":true", "\"cardOnFile\":false")
					.replace("\"deposit\":1000", "\"deposit\":0")
					.replace("\"noShowFee\":0", "\"noShowFee\":500")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/invalid-request"));
	}

	private ResultActions setPolicy(String treatment, long deposit, long lateFee, long noShowFee) throws Exception {
		return this.mvc.perform(put("/api/staff/policies/" + treatment).with(Staff.owner())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"deposit\":%d,\"cardOnFile\":true,\"lateCancelWindow\":\"PT48H\",\"lateCancelFee\":%d,\"noShowFee\":%d}"
						.formatted(deposit, lateFee, noShowFee)));
	}

	private int version(String treatment) throws Exception {
		return JsonPath.read(this.mvc.perform(get("/api/policies?treatment=" + treatment + "&location=" + TOWN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.version");
	}

	private ResultActions book(String treatment, ZonedDateTime start, String email, Integer version,
			String paymentMethod, String holdId) throws Exception {
		String extra = (version == null ? "" : "\"policyAcceptance\":{\"version\":" + version + "},")
				+ (paymentMethod == null ? "" : "\"paymentMethod\":\"" + paymentMethod + "\",")
				+ (holdId == null ? "" : "\"holdId\":\"" + holdId + "\",");
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
			.content(BookingApiTest.request(treatment, TOWN, iso(start), email).replaceFirst("\\{", "{" + extra)));
	}

	private record Created(String id, String token) {
	}

	private Created create(String treatment, ZonedDateTime start, String email, int version) throws Exception {
		String body = book(treatment, start, email, version, "pm_card_visa", null).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new Created(JsonPath.read(body, "$.id"), JsonPath.read(body, "$.manage.token"));
	}

	private String booked(String treatment, ZonedDateTime start, String email) throws Exception {
		return create(treatment, start, email, version(treatment)).id();
	}

	private ResultActions staff(String id, String action) throws Exception {
		return this.mvc.perform(post("/api/staff/bookings/" + id + "/" + action).with(Staff.frontDeskAt(TOWN)));
	}

	private java.util.Map<String, Object> line(String id, String kind) throws Exception {
		List<java.util.Map<String, Object>> lines = JsonPath
			.read(this.mvc.perform(get("/api/staff/bookings/" + id + "/ledger").with(Staff.owner()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.lines[?(@.kind=='" + kind + "')]");
		assertThat(lines).hasSize(1);
		return lines.get(0);
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
