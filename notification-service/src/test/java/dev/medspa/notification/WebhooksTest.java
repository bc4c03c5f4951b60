package dev.medspa.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.BookingId;
import dev.medspa.events.EventContracts;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.notification.webhook.DeliveryStatus;
import dev.medspa.notification.webhook.WebhookDelivery;
import dev.medspa.notification.webhook.WebhookDispatcher;
import dev.medspa.notification.webhook.WebhookStore;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks over the real broker and store to a real receiver on a loopback port: signed
 * as the Standard Webhooks reference library checks them, once per {@code webhook-id}
 * through redelivered events, failures, two senders and a sender that died holding one;
 * in order where asked; replayable; forgetting an erased client; and never aimed at a
 * private address.
 */
@SpringBootTest(properties = { "medspa.webhooks.allowed-hosts=127.0.0.1", "medspa.webhooks.interval=PT0.1S",
		"medspa.webhooks.retry-delays=PT0.2S,PT0.4S,PT0.6S,PT0.8S,PT1S,PT1S", "medspa.webhooks.flag-after=PT0.5S" })
@AutoConfigureMockMvc
@LocalInfrastructure
class WebhooksTest {

	static final String CONFIRMED = EventContracts.BOOKING_CONFIRMED.type();

	static final String CANCELLED = EventContracts.BOOKING_CANCELLED.type();

	static final String ERASED = EventContracts.BOOKING_CLIENT_ERASED.type();

	static final LoopbackReceiver RECEIVER = receiver();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	MockMvc mvc;

	@Autowired
	WebhookStore store;

	@Autowired
	WebhookDispatcher dispatcher;

	PipelineFixtures events;

	final List<String> endpoints = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.events = new PipelineFixtures(this.kafka, this.topics);
		RECEIVER.recover();
	}

	@AfterEach
	void removeEndpoints() throws Exception {
		for (String id : this.endpoints) {
			this.mvc.perform(owner(delete("/api/staff/webhooks/" + id)));
		}
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.close();
	}

	@Test
	void eachEventArrivesOnceAsASignedCloudEventThatTheReferenceLibraryAccepts() throws Exception {
		Endpoint crm = register("/crm", List.of(CONFIRMED, CANCELLED), false);
		String booking = "wh-" + UUID.randomUUID();
		String email = PipelineFixtures.newEmail("crm");
		var confirmed = PipelineFixtures.confirmed(booking, email, "+1 925 555 0101", Instant.now().plusSeconds(86_400),
				Instant.now());
		String first = "evt-" + UUID.randomUUID();
		this.events.publish(confirmed, first);
		this.events.publish(confirmed, first);
		this.events.publish(new BookingCancelled(new BookingId(booking), 2, true, Instant.now()),
				"evt-" + UUID.randomUUID());

		await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.acceptedAt("/crm").size() == 2);
		await().during(Duration.ofSeconds(1)).until(() -> requestsAt("/crm") == 2);

		LoopbackReceiver.Received delivery = RECEIVER.accepted.get("msg_" + first);
		assertThat(delivery.contentType()).isEqualTo("application/cloudevents+json");
		JsonNode event = JSON.readTree(delivery.body());
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("id").asString()).isEqualTo(first);
		assertThat(event.get("type").asString()).isEqualTo(CONFIRMED);
		assertThat(event.get("subject").asString()).isEqualTo(booking);
		assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(event.get("data").get("client").get("email").asString()).isEqualTo(email);
		assertThat(delivery.body()).doesNotContain("manage-" + booking).doesNotContain("manageToken");

		// the store alone cannot sign: the secret is sealed at rest
		assertThat(this.store.endpoint(crm.id()).orElseThrow().secrets()).singleElement()
			.satisfies(stored -> assertThat(stored.key()).startsWith("sealed1:")
				.doesNotContain(crm.secret().substring("whsec_".length())));
		assertThat(StandardWebhooksVerifier.verify(crm.secret(), RECEIVER.acceptedAt("/crm")))
			.allMatch(line -> line.startsWith("ok "))
			.hasSize(2);
		assertThat(StandardWebhooksVerifier.verify(WebhookSecrets.other(), RECEIVER.acceptedAt("/crm")))
			.allMatch(line -> line.startsWith("refused "));
	}

	@Test
	void aRotatedSecretSignsBesideTheNewOneForTheOverlapOnly() throws Exception {
		Endpoint endpoint = register("/rotate", List.of(CONFIRMED), false);
		String second = secret(this.mvc
			.perform(owner(post("/api/staff/webhooks/" + endpoint.id() + "/secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"overlap\":\"PT1H\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String during = publishConfirmed();
		await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted.containsKey("msg_" + during));
		LoopbackReceiver.Received both = RECEIVER.accepted.get("msg_" + during);
		assertThat(both.signature().split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
		assertThat(StandardWebhooksVerifier.verify(endpoint.secret(), List.of(both))).allMatch(l -> l.startsWith("ok"));
		assertThat(StandardWebhooksVerifier.verify(second, List.of(both))).allMatch(l -> l.startsWith("ok"));

		String third = secret(this.mvc
			.perform(owner(post("/api/staff/webhooks/" + endpoint.id() + "/secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"overlap\":\"PT0S\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String after = publishConfirmed();
		await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted.containsKey("msg_" + after));
		LoopbackReceiver.Received one = RECEIVER.accepted.get("msg_" + after);
		assertThat(one.signature().split(" ")).hasSize(1);
		assertThat(StandardWebhooksVerifier.verify(third, List.of(one))).allMatch(l -> l.startsWith("ok"));
		assertThat(StandardWebhooksVerifier.verify(second, List.of(one))).allMatch(l -> l.startsWith("refused"));
	}

	@Test
	void aReceiverThatFailsForAWhileGetsEveryEventOnceAndItsContactIsToldOnce() throws Exception {
		Endpoint flaky = register("/flaky", List.of(CONFIRMED), false);
		RECEIVER.failWhen(received -> received.path().equals("/flaky"));
		List<String> sent = List.of(publishConfirmed(), publishConfirmed(), publishConfirmed());

		await().atMost(Duration.ofSeconds(30)).until(() -> !PipelineFixtures.mailTo(flaky.contact()).isEmpty());
		MimeMessage told = PipelineFixtures.mailTo(flaky.contact()).get(0);
		assertThat(told.getSubject()).isEqualTo("A webhook endpoint keeps failing");
		assertThat(PipelineFixtures.part(told, "text/plain")).contains(RECEIVER.url("/flaky")).contains(flaky.id());
		this.mvc.perform(owner(get("/api/staff/webhooks/" + flaky.id())))
			.andExpect(jsonPath("$.failing").value(true))
			.andExpect(jsonPath("$.flagged").value(true));

		RECEIVER.recover();
		await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.acceptedAt("/flaky").size() == 3);
		assertThat(RECEIVER.acceptedAt("/flaky")).extracting(LoopbackReceiver.Received::webhookId)
			.containsExactlyInAnyOrderElementsOf(sent.stream().map(id -> "msg_" + id).toList());
		await().during(Duration.ofSeconds(1))
			.until(() -> sent.stream().allMatch(id -> RECEIVER.acceptedCount.get("msg_" + id) == 1));
		assertThat(PipelineFixtures.mailTo(flaky.contact())).hasSize(1);
		this.mvc.perform(owner(get("/api/staff/webhooks/" + flaky.id())))
			.andExpect(jsonPath("$.failing").value(false))
			.andExpect(jsonPath("$.flagged").value(false));
		this.mvc.perform(owner(get("/api/staff/webhooks/" + flaky.id() + "/deliveries")))
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].status").value("DELIVERED"))
			.andExpect(jsonPath("$[0].attempts[0].status").value(503))
			.andExpect(jsonPath("$[0].lastStatus").value(204));
	}

	@Test
	void aDeliveryThatFailedForGoodIsReplayedWithTheSameWebhookIdOneByOneOrByTimeRange() throws Exception {
		Endpoint broken = register("/broken", List.of(CONFIRMED), false);
		RECEIVER.failWhen(received -> received.path().equals("/broken"));
		Instant before = Instant.now().minusSeconds(1);
		String a = publishConfirmed();
		String b = publishConfirmed();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.store.deliveries(broken.id(), DeliveryStatus.FAILED, 10).size() == 2);
		assertThat(this.store.delivery(WebhookDelivery.idOf(broken.id(), a)).orElseThrow().attemptLog()).hasSize(7);

		RECEIVER.recover();
		this.mvc
			.perform(owner(post("/api/staff/webhooks/" + broken.id() + "/replay"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"deliveryIds\":[\"%s\"]}".formatted(WebhookDelivery.idOf(broken.id(), a))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replayed").value(1));
		await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted.containsKey("msg_" + a));
		assertThat(RECEIVER.accepted).doesNotContainKey("msg_" + b);

		this.mvc
			.perform(owner(post("/api/staff/webhooks/" + broken.id() + "/replay"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"from\":\"%s\",\"to\":\"%s\"}".formatted(before, Instant.now().plusSeconds(1))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replayed").value(2));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> RECEIVER.acceptedCount.getOrDefault("msg_" + a, 0) == 2
					&& RECEIVER.acceptedCount.getOrDefault("msg_" + b, 0) == 1);

		this.mvc
			.perform(owner(post("/api/staff/webhooks/" + broken.id() + "/replay"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anEndpointInOrderGetsABookingsEventsOneAfterTheOther() throws Exception {
		register("/ordered", List.of(CONFIRMED, CANCELLED), true);
		long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
		RECEIVER.failWhen(received -> received.path().equals("/ordered") && received.body().contains(CONFIRMED)
				&& System.nanoTime() < until);
		String booking = "ordered-" + UUID.randomUUID();
		String confirmed = "evt-" + UUID.randomUUID();
		String cancelled = "evt-" + UUID.randomUUID();
		this.events.publish(PipelineFixtures.confirmed(booking, PipelineFixtures.newEmail("ordered"), null,
				Instant.now().plusSeconds(86_400), Instant.now()), confirmed);
		this.events.publish(new BookingCancelled(new BookingId(booking), 2, true, Instant.now()), cancelled);

		await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.acceptedAt("/ordered").size() == 2);
		long confirmedAt = RECEIVER.accepted.get("msg_" + confirmed).receivedAt();
		assertThat(RECEIVER.requests).filteredOn(r -> r.path().equals("/ordered") && r.body().contains(CANCELLED))
			.allMatch(r -> r.receivedAt() > confirmedAt);
		assertThat(RECEIVER.requests).filteredOn(r -> r.path().equals("/ordered") && r.body().contains(CONFIRMED))
			.hasSizeGreaterThan(1);
	}

	@Test
	void twoSendersDeliverEachEventOnceAndADeadSendersClaimIsTakenOverWhenItsLeaseEnds() throws Exception {
		Endpoint pair = register("/pair", List.of(CONFIRMED), false);
		WebhookDispatcher second = this.dispatcher.another();
		ScheduledExecutorService otherInstance = Executors.newSingleThreadScheduledExecutor();
		otherInstance.scheduleWithFixedDelay(second::deliverDue, 0, 20, TimeUnit.MILLISECONDS);
		try {
			List<String> sent = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				sent.add(publishConfirmed());
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVER.acceptedAt("/pair").size() == 30);
			await().during(Duration.ofSeconds(1)).until(() -> requestsAt("/pair") == 30);
			assertThat(sent).allMatch(id -> RECEIVER.acceptedCount.get("msg_" + id) == 1);
		}
		finally {
			otherInstance.shutdown();
			assertThat(otherInstance.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			second.stop();
		}

		String orphan = "evt-" + UUID.randomUUID();
		Instant due = Instant.now().plusSeconds(2);
		this.store.add(new WebhookDelivery(WebhookDelivery.idOf(pair.id(), orphan), pair.id(), "msg_" + orphan,
				CONFIRMED, "orphan", 0L, Instant.now(), "{\"id\":\"%s\"}".formatted(orphan), DeliveryStatus.PENDING, 0,
				due, Instant.now(), null, List.of()));
		assertThat(this.store.claim(WebhookDelivery.idOf(pair.id(), orphan), due, "a sender that died",
				Duration.ofSeconds(1)))
			.isPresent();
		await().during(Duration.ofMillis(2500)).until(() -> !RECEIVER.accepted.containsKey("msg_" + orphan));
		await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVER.accepted.containsKey("msg_" + orphan));
		assertThat(RECEIVER.acceptedCount.get("msg_" + orphan)).isEqualTo(1);
	}

	@Test
	void anErasedClientsUnsentDeliveriesAreDroppedAndForgottenWhileTheErasureItselfIsDelivered() throws Exception {
		Endpoint endpoint = register("/erase", List.of(CONFIRMED, ERASED), false);
		RECEIVER.failWhen(received -> received.path().equals("/erase") && received.body().contains(CONFIRMED));
		String booking = "erase-" + UUID.randomUUID();
		String email = PipelineFixtures.newEmail("erased");
		String confirmed = "evt-" + UUID.randomUUID();
		this.events.publish(
				PipelineFixtures.confirmed(booking, email, null, Instant.now().plusSeconds(86_400), Instant.now()),
				confirmed);
		await().atMost(Duration.ofSeconds(30)).until(() -> requestsAt("/erase") >= 1);
		this.events.publish(new BookingClientErased(new BookingId(booking), 2, Instant.now()),
				"evt-" + UUID.randomUUID());

		await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.acceptedAt("/erase").size() == 1);
		assertThat(RECEIVER.acceptedAt("/erase").get(0).body()).contains(ERASED).doesNotContain(email);
		WebhookDelivery dropped = this.store.delivery(WebhookDelivery.idOf(endpoint.id(), confirmed)).orElseThrow();
		assertThat(dropped.status()).isEqualTo(DeliveryStatus.DROPPED);
		assertThat(dropped.body()).isNull();
	}

	@Test
	void onlyOwnersManageEndpointsAndTargetsInPrivateRangesOrWithoutHttpsAreRefused() throws Exception {
		for (String url : List.of("https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data",
				"https://localhost:8443/hook", "https://[fd00::1]/hook", "https://192.168.1.20/hook",
				"https://100.64.0.1/hook", "http://203.0.113.10/hook", "https://user:pw@203.0.113.10/hook",
				"ftp://203.0.113.10/hook")) {
			this.mvc
				.perform(owner(post("/api/staff/webhooks")).contentType(MediaType.APPLICATION_JSON)
					.content(body(url, List.of(CONFIRMED), false, "owner@clinic.example")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/webhook-target-refused"));
		}
		this.mvc
			.perform(owner(post("/api/staff/webhooks")).contentType(MediaType.APPLICATION_JSON)
				.content(body(RECEIVER.url("/x"), List.of("dev.medspa.catalog.treatment.state"), false,
						"owner@clinic.example")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("types[0]"));
		this.mvc
			.perform(post("/api/staff/webhooks")
				.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_MANAGER"))
					.jwt(token -> token.claim("locations", List.of("walnut-creek"))))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(RECEIVER.url("/x"), List.of(CONFIRMED), false, "owner@clinic.example")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/staff/webhooks")).andExpect(status().isUnauthorized());
	}

	private String publishConfirmed() {
		String id = "evt-" + UUID.randomUUID();
		this.events.publish(PipelineFixtures.confirmed("wh-" + UUID.randomUUID(), PipelineFixtures.newEmail("wh"), null,
				Instant.now().plusSeconds(86_400), Instant.now()), id);
		return id;
	}

	private static long requestsAt(String path) {
		return RECEIVER.requests.stream().filter(received -> received.path().equals(path)).count();
	}

	private Endpoint register(String path, List<String> types, boolean ordered) throws Exception {
		String contact = PipelineFixtures.newEmail("webhook-owner");
		String answer = this.mvc
			.perform(owner(post("/api/staff/webhooks")).contentType(MediaType.APPLICATION_JSON)
				.content(body(RECEIVER.url(path), types, ordered, contact)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.secret").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode created = JSON.readTree(answer);
		String id = created.get("endpoint").get("id").asString();
		this.endpoints.add(id);
		return new Endpoint(id, created.get("secret").asString(), contact);
	}

	private static String body(String url, List<String> types, boolean ordered, String contact) {
		return JSON.writeValueAsString(Map.of("url", url, "description", "Test receiver", "types", types, "ordered",
				ordered, "contactEmail", contact));
	}

	private static String secret(String answer) {
		return JSON.readTree(answer).get("secret").asString();
	}

	private static MockHttpServletRequestBuilder owner(MockHttpServletRequestBuilder request) {
		return request.with(jwt().jwt(token -> token.subject("owner@clinic.example"))
			.authorities(new SimpleGrantedAuthority("ROLE_OWNER")));
	}

	private static LoopbackReceiver receiver() {
		try {
			return new LoopbackReceiver();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Endpoint(String id, String secret, String contact) {
	}

	/** A well-formed secret that is not the endpoint's. */
	static final class WebhookSecrets {

		static String other() {
			return dev.medspa.notification.webhook.WebhookSigner.newSecret();
		}

	}

}
