package dev.medspa.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.medspa.events.BookingId;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.preferences.ContactPreferences;
import dev.medspa.support.audit.AuditTrail;
import dev.medspa.support.links.EmailCodes;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client's data, as this service holds it: handed to an owner with the client's code,
 * and gone when booking-service says the client was erased, however often the event
 * arrives.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class ClientErasureTest {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	PlanStore plans;

	@Autowired
	ContactPreferences preferences;

	@Autowired
	AuditTrail audit;

	@Autowired
	EmailCodes codes;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Test
	void anErasedClientIsNoLongerNamedMessagedOrRememberedAndTheExportShowedWhatWasHeld() throws Exception {
		PipelineFixtures events = new PipelineFixtures(this.kafka, this.topics);
		events.publishCatalog();
		String email = PipelineFixtures.newEmail("erase-me");
		String id = "erased-" + System.nanoTime();
		events.publish(PipelineFixtures.confirmed(id, email, "+1 925 555 0177", Instant.now().plus(Duration.ofDays(20)),
				Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.plans.find(id).isPresent());
		String token = this.preferences.tokenFor(email);
		this.preferences.optOut(token);

		this.mvc
			.perform(post("/api/staff/clients/export")
				.with(jwt().jwt(jwt -> jwt.subject("owner@clinic.example"))
					.authorities(new SimpleGrantedAuthority("ROLE_OWNER")))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"%s\",\"emailCode\":\"%s\",\"reason\":\"Asked by phone\"}".formatted(email,
						this.codes.code(email, this.clock.instant()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messagePlans", hasSize(1)))
			.andExpect(jsonPath("$.messagePlans[0].email").value(email))
			.andExpect(jsonPath("$.optedOutOfNudges").value(true));

		BookingClientErased erased = new BookingClientErased(new BookingId(id), 2, Instant.now());
		events.publish(erased);
		events.publish(erased);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.plans.find(id).map(Plan::bookingVersion).orElse(0L) == 2);
		Plan plan = this.plans.find(id).orElseThrow();
		assertThat(plan.client().email()).doesNotContain("erase-me");
		assertThat(plan.client().phone()).isNull();
		assertThat(plan.messages()).filteredOn(message -> message.status() == MessageStatus.PLANNED).isEmpty();
		assertThat(this.preferences.find(token)).isEmpty();
		assertThat(this.plans.ofClient(email.toLowerCase(java.util.Locale.ROOT))).isEmpty();
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.audit.find("system", "/bookings/" + id, null, null, 10)).hasSize(1));
	}

}
