package dev.medspa.booking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.intake.IntakeStatuses;
import dev.medspa.booking.payment.LocalPaymentProvider;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.BookingStatus;
import dev.medspa.booking.reservation.Client;
import dev.medspa.booking.reservation.NewBooking;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.events.BookingId;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import dev.medspa.testsupport.TopicReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * intake-service's status changes, published on the real broker as intake-service
 * publishes them: staff see where each booking's forms stand, and a treatment declined
 * after the health review cancels its booking once, as the clinic, with its deposit
 * refunded.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
@Import(IntakeStatusTest.Time.class)
class IntakeStatusTest {

	private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	private static final LocalDate DAY = LocalDate.of(2027, 1, 12);

	private static final String TOWN = "intake-town";

	private static final String FACIAL = "intake-facial";

	/**
	 * Records of one test go to one partition, in the order sent, so a record sent last
	 * shows that those before it were read.
	 */
	private static final int PARTITION = 0;

	private static final Path JOURNAL;

	static {
		try {
			JOURNAL = Files.createTempDirectory("medspa-intake-test");
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
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
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
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	BookingService bookings;

	@Autowired
	IntakeStatuses intake;

	@Autowired
	LocalPaymentProvider provider;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void clinicWithADepositPolicy() throws Exception {
		this.clock.set(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
		this.catalog.apply(new TreatmentState(new TreatmentId(FACIAL), FACIAL, "Facial", "facial", "",
				Duration.ofMinutes(30), Duration.ZERO, Duration.ofMinutes(10), new BigDecimal("120.00"), "USD",
				"consultation-room", "peel", null, null, List.of(), true, 1, null));
		this.catalog.apply(new LocationState(new LocationId(TOWN), TOWN, "Intake Town",
				new LocationState.Address("1 Main Street", "Intake Town", "CA", "94596", "US"), "+1 925 555 0100",
				"America/Los_Angeles",
				List.of(new LocationState.Room(TOWN + "-room", "Consultation room", "consultation-room", true)),
				List.of(new TreatmentId(FACIAL)), true, 1, List.of()));
		this.catalog.apply(CatalogFixtures.practitioner("intake-pro", TOWN));
		this.schedules.replace("intake-pro", OptionalLong.empty(), CatalogFixtures.everyDay(TOWN), List.of());
		if (this.mvc.perform(get("/api/policies?treatment=" + FACIAL + "&location=" + TOWN))
			.andReturn()
			.getResponse()
			.getStatus() == 404) {
			// a 20.00 deposit, which a clinic's cancellation gives back
			this.mvc
				.perform(put("/api/staff/policies/" + FACIAL).with(Staff.owner())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"deposit\":2000,\"cardOnFile\":true,\"lateCancelWindow\":\"PT48H\","
							+ "\"lateCancelFee\":5000,\"noShowFee\":8000}"))
				.andExpect(status().isOk());
		}
	}

	@Test
	void staffSeeWhereEachBookingsFormsStandAndAnOlderChangeDoesNotOverwriteANewerOne() throws Exception {
		// a day of its own, whose day sheet lists only these
		LocalDate day = DAY.plusDays(1);
		String reviewed = book(day.atTime(9, 0).atZone(LA), "reviewed@example.com");
		String due = book(day.atTime(10, 0).atZone(LA), "due@example.com");
		String untold = book(day.atTime(11, 0).atZone(LA), "untold@example.com");

		publish(change(reviewed, 2, IntakeStatusChanged.NEEDS_REVIEW, 0, null));
		publish(change(due, 1, IntakeStatusChanged.DUE, 2, null));
		// late and redelivered: older or equal versions of what is kept
		publish(change(reviewed, 1, IntakeStatusChanged.DUE, 2, null));
		publish(change(reviewed, 2, IntakeStatusChanged.COMPLETE, 0, null));
		allRead();

		this.mvc.perform(get("/api/staff/bookings/" + reviewed).with(Staff.frontDeskAt(TOWN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(reviewed))
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.intakeStatus").value(IntakeStatusChanged.NEEDS_REVIEW));
		this.mvc.perform(get("/api/staff/bookings/" + untold).with(Staff.frontDeskAt(TOWN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intakeStatus").value(nullValue()));
		this.mvc.perform(get("/api/staff/day-sheets/" + TOWN + "/" + day).with(Staff.frontDeskAt(TOWN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bookings[*].id").value(contains(reviewed, due, untold)))
			.andExpect(jsonPath("$.bookings[*].intakeStatus")
				.value(contains(IntakeStatusChanged.NEEDS_REVIEW, IntakeStatusChanged.DUE, null)));
		this.mvc
			.perform(get("/api/staff/agenda/intake-pro?date=" + day + "&zone=America/Los_Angeles")
				.with(Staff.frontDeskAt(TOWN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].intakeStatus")
				.value(contains(IntakeStatusChanged.NEEDS_REVIEW, IntakeStatusChanged.DUE, null)));
		assertThat(deadLetters()).isZero();
		assertThat(this.intake.of(reviewed)).hasValueSatisfying(kept -> {
			assertThat(kept.version()).isEqualTo(2);
			assertThat(kept.formsDue()).isZero();
		});

		// a newer change is shown
		publish(change(reviewed, 3, IntakeStatusChanged.CLEARED, 0, null));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.mvc.perform(get("/api/staff/bookings/" + reviewed).with(Staff.owner()))
				.andExpect(jsonPath("$.intakeStatus").value(IntakeStatusChanged.CLEARED)));
	}

	@Test
	void aDeclineCancelsTheBookingOnceAsTheClinicEvenWhenDeliveredTwice() throws Exception {
		String id = book(at(13, 0), "declined@example.com");
		publish(change(id, 1, IntakeStatusChanged.NEEDS_REVIEW, 0, null));
		IntakeStatusChanged declined = change(id, 2, IntakeStatusChanged.DECLINED, 0, "NOT_SUITABLE_NOW");
		publish(declined);
		publish(declined);
		allRead();
		// the second delivery was no failure either
		assertThat(deadLetters()).isZero();

		Booking cancelled = this.bookings.find(id).orElseThrow();
		assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(cancelled.cancelReason()).isEqualTo("Declined after the health review");
		// confirmed at version 1, cancelled at 2, and changed no more
		assertThat(cancelled.version()).isEqualTo(2);
		this.mvc.perform(get("/api/staff/bookings/" + id).with(Staff.frontDeskAt(TOWN)))
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.intakeStatus").value(IntakeStatusChanged.DECLINED));

		List<BookingCancelled> events = cancellations(id);
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.clinicReason()).isEqualTo("INTAKE_NOT_SUITABLE_NOW");
			assertThat(event.byClient()).isFalse();
			assertThat(event.bookingVersion()).isEqualTo(2);
		});
		// the slot is free again and the deposit given back, once
		book(at(13, 0), "next@example.com");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(refunds(id + ":deposit-refund")).hasSize(1));
		this.mvc.perform(get("/api/staff/bookings/" + id + "/ledger").with(Staff.owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[?(@.kind=='DEPOSIT_REFUND')].status").value(contains("SUCCEEDED")));
	}

	@Test
	void aDeclineOfABookingNotYetKnownWaitsForItInsteadOfBeingLost() throws Exception {
		String id = UUID.randomUUID().toString();
		publish(change(id, 4, IntakeStatusChanged.DECLINED, 0, "CONSULTATION_FIRST"));
		// the change was read (and kept) while the booking was still unknown
		await().atMost(Duration.ofSeconds(30)).until(() -> this.intake.of(id).isPresent());
		assertThat(this.bookings.find(id)).isEmpty();

		this.bookings.book(NewBooking
			.byClient(FACIAL, TOWN, at(15, 0).toOffsetDateTime(),
					Client.of("Late Comer", "late@example.com", "+1 925 555 0199", false), null, null, null)
			.withPolicy(policyVersion(), "pm_card_visa"), id);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.bookings.find(id)).get()
				.extracting(Booking::status)
				.isEqualTo(BookingStatus.CANCELLED));
		assertThat(cancellations(id)).singleElement()
			.extracting(BookingCancelled::clinicReason)
			.isEqualTo("INTAKE_CONSULTATION_FIRST");
	}

	private static IntakeStatusChanged change(String bookingId, long version, String status, int formsDue,
			String declineReason) {
		return new IntakeStatusChanged(new BookingId(bookingId), new LocationId(TOWN), version, status, formsDue,
				declineReason, Instant.parse("2027-01-05T16:00:00Z").plusSeconds(version));
	}

	private void publish(IntakeStatusChanged change) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.intakeEvents(), PARTITION,
				change.bookingId().value(), EventJson.write(change));
		record.headers()
			.add(new RecordHeader(EventHeaders.TYPE,
					EventContracts.INTAKE_STATUS_CHANGED.type().getBytes(StandardCharsets.UTF_8)));
		this.kafka.send(record).get();
	}

	/**
	 * Sends one more change, of a booking of its own, and waits until it is kept: the
	 * records sent before it on the same partition were read first.
	 */
	private void allRead() throws Exception {
		String marker = "marker-" + UUID.randomUUID();
		publish(change(marker, 1, IntakeStatusChanged.DUE, 1, null));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.intake.of(marker).isPresent());
	}

	/**
	 * The booking's cancellations on booking.events.v1, read until a duplicate would have
	 * had the time to follow.
	 */
	private List<BookingCancelled> cancellations(String bookingId) {
		List<ConsumerRecord<String, String>> records = TopicReader
			.readSettled(this.bootstrapServers, this.topics.bookingEvents(), record -> bookingId.equals(record.key())
					&& EventContracts.BOOKING_CANCELLED.type().equals(TopicReader.header(record, EventHeaders.TYPE)), 1,
					Duration.ofSeconds(2));
		return records.stream()
			.map(record -> EventJson.MAPPER.readValue(record.value(), BookingCancelled.class))
			.toList();
	}

	/** Records of the intake topic this service gave up on. */
	private double deadLetters() {
		Counter counter = this.meters.find("medspa.dead.letters").tag("topic", this.topics.intakeEvents()).counter();
		return counter == null ? 0 : counter.count();
	}

	private int policyVersion() throws Exception {
		return JsonPath.read(this.mvc.perform(get("/api/policies?treatment=" + FACIAL + "&location=" + TOWN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.version");
	}

	/** Books the facial as a client who accepts the policy and pays the deposit. */
	private String book(ZonedDateTime start, String email) throws Exception {
		String body = this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest
					.request(FACIAL, TOWN, start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), email)
					.replaceFirst("\\{",
							"{\"policyAcceptance\":{\"version\":" + policyVersion()
									+ "},\"paymentMethod\":\"pm_card_visa\",")))
			.andExpect(status().isCreated())
			// a client's own view carries nothing of the intake
			.andExpect(jsonPath("$.intakeStatus").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
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

}
