package dev.medspa.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.medspa.events.BookingId;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingEvent;
import dev.medspa.support.audit.AuditTrail;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
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
 * A micro-needling booking's forms from its confirmation on the real broker to the
 * practitioner's review: what the client sees and sends, who may read the answers, what
 * is told on Kafka (statuses only), re-asking rules and erasure.
 */
@SpringBootTest(properties = "medspa.intake.demo-forms=true")
@AutoConfigureMockMvc
@LocalInfrastructure
class IntakeFlowTest {

	static final String WALNUT_CREEK = "walnut-creek";

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) IntakeFlowTest";

	@Autowired
	MockMvc mvc;

	@Autowired
	ManageLinks links;

	@Autowired
	TopicNames topics;

	@Autowired
	AuditTrail audit;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	KafkaTemplate<String, String> kafka;

	@BeforeEach
	void producer() {
		this.kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringSerializer(),
				new StringSerializer()));
	}

	@AfterEach
	void close() {
		this.kafka.destroy();
	}

	@Test
	void aClientAnswersASecondLooksAndAPractitionerReviews() throws Exception {
		String email = "ana." + UUID.randomUUID() + "@example.com";
		String booking = confirm(email, "microneedling");
		String token = this.links.intakeToken(booking);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/intake/{token}", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("DUE"))
				.andExpect(jsonPath("$.formsDue").value(2)));
		this.mvc.perform(get("/api/intake/{token}", token))
			.andExpect(jsonPath("$.forms[0].templateId").value("microneedling-health"))
			.andExpect(jsonPath("$.forms[0].questions[2].id").value("isotretinoin"))
			// which answers flag a question is for staff only
			.andExpect(jsonPath("$.forms[0].questions[2].flagWhen").doesNotExist())
			.andExpect(jsonPath("$.forms[1].kind").value("CONSENT"));

		// a missing answer and an unknown one are named; nothing is stored
		answer(token, "microneedling-health", 1, Map.of("pregnant", "maybe", "shoe-size", "38"), "Ana Gomez")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/form-answers-invalid"))
			.andExpect(jsonPath("$.errors[?(@.field == 'answers.pregnant')].reason").value("Answer yes or no"))
			.andExpect(jsonPath("$.errors[?(@.field == 'answers.shoe-size')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'answers.skin-infection')].reason")
				.value("Please answer this question"));
		answer(token, "microneedling-health", 2, health("no"), "Ana Gomez").andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(1));
		answer(token, "microneedling-health", 1, health("no"), " ").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("signedName"));

		Map<String, String> isotretinoin = new java.util.HashMap<>(health("no"));
		isotretinoin.put("isotretinoin", "yes");
		isotretinoin.put("other", "Finished my course of isotretinoin in May");
		answer(token, "microneedling-health", 1, isotretinoin, "Ana Gomez").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DUE"))
			.andExpect(jsonPath("$.formsDue").value(1));
		answer(token, "microneedling-consent", dueVersion(token, 1), consent(), "Ana Gomez")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("NEEDS_REVIEW"));

		// health answers: practitioners and managers of the location, nobody else
		String answers = "/api/staff/locations/{location}/intake/{booking}";
		this.mvc.perform(get(answers, WALNUT_CREEK, booking).with(Staff.at("PRACTITIONER", WALNUT_CREEK)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NEEDS_REVIEW"))
			.andExpect(jsonPath("$.forms[0].submissions[0].signedName").value("Ana Gomez"))
			.andExpect(jsonPath("$.forms[0].submissions[0].userAgent").value(BROWSER))
			.andExpect(jsonPath("$.forms[0].submissions[0].contentHash").isNotEmpty())
			.andExpect(jsonPath("$.forms[0].submissions[0].answers[?(@.questionId == 'isotretinoin')].flagged")
				.value(true))
			.andExpect(
					jsonPath("$.forms[0].submissions[0].answers[?(@.questionId == 'pregnant')].flagged").value(false));
		this.mvc.perform(get(answers, WALNUT_CREEK, booking).with(Staff.at("MANAGER", WALNUT_CREEK)))
			.andExpect(status().isOk());
		this.mvc.perform(get(answers, WALNUT_CREEK, booking).with(Staff.owner())).andExpect(status().isForbidden());
		this.mvc.perform(get(answers, WALNUT_CREEK, booking).with(Staff.at("FRONT_DESK", WALNUT_CREEK)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(answers, "san-ramon", booking).with(Staff.at("PRACTITIONER", "san-ramon")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(answers, WALNUT_CREEK, booking).with(Staff.at("MANAGER", "san-ramon")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(answers, WALNUT_CREEK, booking)).andExpect(status().isUnauthorized());
		assertThat(this.audit.find(null, booking, null, null, 50))
			.filteredOn(entry -> entry.action().startsWith("GET "))
			.extracting(entry -> entry.actor())
			.contains("practitioner@clinic.example", "manager@clinic.example");

		String review = answers + "/review";
		this.mvc
			.perform(post(review, WALNUT_CREEK, booking).with(Staff.at("PRACTITIONER", WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"DECLINED\",\"note\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc
			.perform(post(review, WALNUT_CREEK, booking).with(Staff.at("PRACTITIONER", WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"CLEARED\",\"note\":\"Six months since the last dose: fine.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLEARED"));
		this.mvc
			.perform(post(review, WALNUT_CREEK, booking).with(Staff.at("PRACTITIONER", WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"CLEARED\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/intake-not-in-review"));

		// Kafka hears the statuses in order, once each, and nothing of what was answered
		List<ConsumerRecord<String, String>> told = TopicReader.readSettled(this.bootstrapServers,
				this.topics.intakeEvents(), record -> booking.equals(record.key()), 3, Duration.ofSeconds(2));
		assertThat(told)
			.extracting(record -> (String) EventJson.MAPPER.readTree(record.value()).get("status").asString())
			.containsExactly("DUE", "NEEDS_REVIEW", "CLEARED");
		assertThat(told).allSatisfy(record -> {
			assertThat(TopicReader.header(record, EventHeaders.TYPE))
				.isEqualTo(EventContracts.INTAKE_STATUS_CHANGED.type());
			assertThat(record.value()).doesNotContain("isotretinoin", "Ana", email, "Six months");
		});
	}

	@Test
	void aRecentQuestionnaireAndASignedConsentAreNotAskedAgainButANewConsentVersionIs() throws Exception {
		String email = "bea." + UUID.randomUUID() + "@example.com";
		String first = confirm(email, "microneedling");
		String token = this.links.intakeToken(first);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/intake/{token}", token)).andExpect(status().isOk()));
		answer(token, "microneedling-health", 1, health("no"), "Bea Lind").andExpect(status().isCreated());
		answer(token, "microneedling-consent", dueVersion(token, 1), consent(), "Bea Lind")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("COMPLETE"));

		String second = confirm(email.toUpperCase(java.util.Locale.ROOT), "microneedling-prp");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/intake/{token}", this.links.intakeToken(second)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("COMPLETE"))
				.andExpect(jsonPath("$.forms[0].done").value(true))
				.andExpect(jsonPath("$.forms[1].done").value(true)));

		// a new consent version must be signed again; the questionnaire still stands
		String current = this.mvc.perform(get("/api/staff/forms/microneedling-consent").with(Staff.owner()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var version = EventJson.MAPPER.readTree(current).get("versions").get(0);
		String changed = "{\"kind\":\"CONSENT\",\"treatmentIds\":[\"microneedling\",\"microneedling-prp\"],"
				+ "\"title\":\"Consent to micro-needling\",\"intro\":[\"A new paragraph on photos.\"],\"questions\":"
				+ version.get("questions").toString() + ",\"validForDays\":0}";
		this.mvc
			.perform(put("/api/staff/forms/microneedling-consent").with(Staff.at("FRONT_DESK", WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(changed))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/staff/forms/microneedling-consent").with(Staff.at("MANAGER", WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(changed))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value((int) version.get("version").asLong() + 1));
		// the same content again publishes nothing
		this.mvc
			.perform(put("/api/staff/forms/microneedling-consent").with(Staff.at("MANAGER", WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(changed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value((int) version.get("version").asLong() + 1));
		try {
			String third = confirm(email, "microneedling");
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> this.mvc.perform(get("/api/intake/{token}", this.links.intakeToken(third)))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.status").value("DUE"))
					.andExpect(jsonPath("$.formsDue").value(1))
					.andExpect(jsonPath("$.forms[?(@.templateId == 'microneedling-health')].done").value(true))
					.andExpect(jsonPath("$.forms[?(@.templateId == 'microneedling-consent')].version")
						.value((int) version.get("version").asLong() + 1)));
		}
		finally {
			// later tests start from version 1's content again (as version 3)
			this.mvc.perform(put("/api/staff/forms/microneedling-consent").with(Staff.at("MANAGER", WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(changed.replace("[\"A new paragraph on photos.\"]", version.get("intro").toString())));
		}
	}

	@Test
	void aRedeliveredConfirmationOpensNothingTwiceAndErasureForgetsTheAnswers() throws Exception {
		String email = "cy." + UUID.randomUUID() + "@example.com";
		String booking = UUID.randomUUID().toString();
		BookingConfirmed confirmed = confirmed(booking, email, "microneedling");
		publish(confirmed, "evt-" + booking);
		publish(confirmed, "evt-" + booking);
		String token = this.links.intakeToken(booking);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/intake/{token}", token)).andExpect(status().isOk()));
		answer(token, "microneedling-health", 1, health("no"), "Cy Park").andExpect(status().isCreated());
		List<ConsumerRecord<String, String>> told = TopicReader.readSettled(this.bootstrapServers,
				this.topics.intakeEvents(), record -> booking.equals(record.key()), 1, Duration.ofSeconds(2));
		assertThat(told).hasSize(1);

		// a forged or foreign token opens nothing
		this.mvc.perform(get("/api/intake/{token}", booking + ".forged")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/intake/{token}", this.links.token(booking))).andExpect(status().isNotFound());

		publish(new BookingClientErased(new BookingId(booking), 4, Instant.now()), UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc
				.perform(get("/api/staff/locations/{location}/intake/{booking}", WALNUT_CREEK, booking)
					.with(Staff.at("MANAGER", WALNUT_CREEK)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.erased").value(true))
				.andExpect(jsonPath("$.forms[0].submissions").isEmpty()));

		publish(new BookingCancelled(new BookingId(booking), 5, false, Instant.now()), UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/intake/{token}", token)).andExpect(status().isNotFound()));
	}

	@Test
	void oneLinkCannotFillTheStoreWithAnswers() throws Exception {
		String booking = confirm("eve." + UUID.randomUUID() + "@example.com", "microneedling");
		String token = this.links.intakeToken(booking);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/intake/{token}", token)).andExpect(status().isOk()));

		// thirty answers an hour, refused or stored, and then a wait
		for (int sent = 0; sent < 30; sent++) {
			answer(token, "microneedling-health", 1, Map.of(), "Eve Stone")
				.andExpect(status().isUnprocessableContent());
		}
		answer(token, "microneedling-health", 1, health("no"), "Eve Stone").andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/too-many-requests"));
		// another booking's link is not held back
		String other = confirm("eve2." + UUID.randomUUID() + "@example.com", "microneedling");
		String otherToken = this.links.intakeToken(other);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/intake/{token}", otherToken)).andExpect(status().isOk()));
		answer(otherToken, "microneedling-health", 1, health("no"), "Eve Stone").andExpect(status().isCreated());
	}

	@Test
	void aTreatmentWithoutFormsOpensNone() throws Exception {
		String booking = confirm("dee." + UUID.randomUUID() + "@example.com", "hydrating-facial");
		String marker = confirm("dee2." + UUID.randomUUID() + "@example.com", "microneedling");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/intake/{token}", this.links.intakeToken(marker)))
				.andExpect(status().isOk()));
		this.mvc.perform(get("/api/intake/{token}", this.links.intakeToken(booking))).andExpect(status().isNotFound());
	}

	/**
	 * The version of the booking's {@code index}th form, as the client's view lists it.
	 */
	private long dueVersion(String token, int index) throws Exception {
		String view = this.mvc.perform(get("/api/intake/{token}", token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return EventJson.MAPPER.readTree(view).get("forms").get(index).get("version").asLong();
	}

	private ResultActions answer(String token, String form, long version, Map<String, String> answers, String name)
			throws Exception {
		String body = "{\"version\":" + version + ",\"answers\":" + EventJson.write(answers) + ",\"signedName\":"
				+ EventJson.write(name) + "}";
		return this.mvc.perform(post("/api/intake/{token}/forms/{form}", token, form).header("User-Agent", BROWSER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	static Map<String, String> health(String all) {
		Map<String, String> answers = new java.util.HashMap<>();
		for (String id : List.of("skin-infection", "active-acne", "isotretinoin", "pregnant", "keloids", "bleeding",
				"cancer-treatment", "skin-flare", "sunburn", "retinoids", "injectables")) {
			answers.put(id, all);
		}
		return answers;
	}

	static Map<String, String> consent() {
		return Map.of("understood", "yes", "aftercare", "yes", "photos", "no");
	}

	private String confirm(String email, String treatment) {
		String booking = UUID.randomUUID().toString();
		publish(confirmed(booking, email, treatment), UUID.randomUUID().toString());
		return booking;
	}

	static BookingConfirmed confirmed(String booking, String email, String treatment) {
		Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return new BookingConfirmed(new BookingId(booking), 1, new TreatmentId(treatment), new LocationId(WALNUT_CREEK),
				start, start.plus(Duration.ofMinutes(90)),
				new BookingConfirmed.ClientContact("Ana Gomez", email, null, false), Instant.now(), null, null);
	}

	private void publish(BookingEvent event, String eventId) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.bookingEvents(),
				event.bookingId().value(), EventJson.write(event));
		record.headers()
			.add(new RecordHeader(EventHeaders.TYPE,
					EventContracts.forPayload(event.getClass()).type().getBytes(StandardCharsets.UTF_8)));
		record.headers().add(new RecordHeader(EventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8)));
		try {
			this.kafka.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
