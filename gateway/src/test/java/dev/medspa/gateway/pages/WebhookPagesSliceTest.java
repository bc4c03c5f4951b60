package dev.medspa.gateway.pages;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.OwnerWebhooks;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.support.security.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owners' webhook pages in a web slice: endpoints with their health, the secret once
 * after registering, refusals next to their fields, the delivery log with replay, and
 * nothing for anyone but owners.
 */
@WebMvcTest(WebhookPages.class)
@AutoConfigureMockMvc(addFilters = false)
class WebhookPagesSliceTest {

	private static final String OWNER = "owner@clinic.example";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OwnerWebhooks webhooks;

	@MockitoBean
	StaffAccounts accounts;

	@BeforeEach
	void anOwnerWithTwoEndpoints() {
		member(OWNER, StaffRole.OWNER);
		given(this.webhooks.eventTypes())
			.willReturn(List.of("dev.medspa.booking.confirmed", "dev.medspa.booking.checked-in"));
		given(this.webhooks.endpoints()).willReturn(List.of(
				endpoint("wh1", "Accounting",
						Map.of("failing", true, "failingSince", "2026-12-01T18:00:05Z", "flagged", true, "flaggedAt",
								"2026-12-01T19:00:05Z")),
				endpoint("wh2", "CRM", Map.of("failing", true, "failingSince", "2026-12-02T08:30:00Z"))));
	}

	@Test
	void anOwnerSeesEachEndpointsHealthAndTheEventsToChooseFrom() throws Exception {
		this.mvc.perform(get("/staff/webhooks").principal(signedIn(OWNER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Flagged — contact told")))
			.andExpect(content().string(containsString("Failing since Dec 2, 2026, 8:30:00 AM UTC")))
			.andExpect(content().string(containsString("Booking checked in")))
			.andExpect(content().string(containsString("value=\"dev.medspa.booking.confirmed\"")))
			.andExpect(content().string(containsString("value=\"" + OWNER + "\"")))
			.andExpect(content().string(not(containsString("id=\"secret-box\""))));
	}

	@Test
	void anyoneButAnOwnerIsRefused() throws Exception {
		member("manager@clinic.example", StaffRole.MANAGER);
		this.mvc.perform(get("/staff/webhooks").principal(signedIn("manager@clinic.example")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Accounting"))));
		this.mvc
			.perform(post("/staff/webhooks").principal(signedIn("manager@clinic.example"))
				.param("url", "https://crm.example.com/hook"))
			.andExpect(status().isForbidden());
		verify(this.webhooks, never()).register(any());
	}

	@Test
	@SuppressWarnings("unchecked")
	void registeringShowsTheSecretOnceOnTheNextPage() throws Exception {
		given(this.webhooks.register(any())).willReturn(Map.of("endpoint", endpoint("wh3", "Accounting", Map.of()),
				"secret", "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI="));
		this.mvc
			.perform(post("/staff/webhooks").principal(signedIn(OWNER))
				.param("url", " https://accounting.example.com/hook ")
				.param("description", "Accounting")
				.param("types", "dev.medspa.booking.confirmed")
				.param("ordered", "true")
				.param("contactEmail", OWNER))
			.andExpect(redirectedUrl("/staff/webhooks"))
			.andExpect(flash().attribute("secret", "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI="));
		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.webhooks).register(sent.capture());
		assertThat(sent.getValue()).containsEntry("url", "https://accounting.example.com/hook")
			.containsEntry("types", List.of("dev.medspa.booking.confirmed"))
			.containsEntry("ordered", true)
			.containsEntry("contactEmail", OWNER);

		this.mvc
			.perform(get("/staff/webhooks").principal(signedIn(OWNER))
				.flashAttr("secret", "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=")
				.flashAttr("secretFor", "Accounting"))
			.andExpect(content().string(containsString("id=\"secret-box\"")))
			.andExpect(content().string(containsString("it will not be shown again")))
			.andExpect(content().string(containsString("Integrations in the README")));
	}

	@Test
	void aRefusedUrlIsSaidNextToItAndTheFormComesBackFilledIn() throws Exception {
		given(this.webhooks.register(any())).willThrow(new ServiceProblem(422, "webhook-target-refused",
				"The URL must use https", Map.of("url", "The URL must use https")));
		var refused = this.mvc
			.perform(post("/staff/webhooks").principal(signedIn(OWNER))
				.param("url", "http://crm.example.com/hook")
				.param("description", "CRM")
				.param("types", "dev.medspa.booking.confirmed")
				.param("contactEmail", OWNER))
			.andExpect(redirectedUrl("/staff/webhooks#register"))
			.andExpect(flash().attribute("fieldErrors", Map.of("url", "The URL must use https.")))
			.andReturn()
			.getFlashMap();

		var page = get("/staff/webhooks").principal(signedIn(OWNER));
		refused.forEach(page::flashAttr);
		this.mvc.perform(page)
			.andExpect(content().string(containsString("id=\"url-error\">The URL must use https.</p>")))
			.andExpect(content().string(containsString("value=\"http://crm.example.com/hook\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
	}

	@Test
	void missingFieldsAreSaidInPlainWords() throws Exception {
		given(this.webhooks.register(any()))
			.willThrow(new ServiceProblem(400, "invalid-request", "invalid", Map.of("description", "must not be blank",
					"types", "must not be empty", "contactEmail", "must be a well-formed email address")));
		this.mvc
			.perform(post("/staff/webhooks").principal(signedIn(OWNER)).param("url", "https://crm.example.com/hook"))
			.andExpect(flash().attribute("fieldErrors",
					Map.of("description", "Say in a few words what this endpoint is, such as \"Accounting system\".",
							"types", "Choose at least one kind of event to send.", "contactEmail",
							"Give a contact e-mail address we can write to (must be a well-formed email address).")));
	}

	@Test
	void theDeliveryLogOffersReplayForWhatWasDeliveredOrFailed() throws Exception {
		given(this.webhooks.endpoint("wh1")).willReturn(Optional.of(endpoint("wh1", "Accounting", Map.of())));
		given(this.webhooks.deliveries("wh1", null, 100))
			.willReturn(List.of(delivery("d1", "DELIVERED", 200, null, true),
					delivery("d2", "PENDING", null, "connection refused", true)));
		this.mvc.perform(get("/staff/webhooks/wh1").principal(signedIn(OWNER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("delivered Dec 1, 2026, 6:00:06 PM UTC")))
			.andExpect(content().string(containsString("no answer: connection refused")))
			.andExpect(content().string(containsString("id=\"replay-d1\"")))
			.andExpect(content().string(not(containsString("id=\"replay-d2\""))));

		given(this.webhooks.replay(eq("wh1"), any())).willReturn(1);
		this.mvc.perform(post("/staff/webhooks/wh1/replay").principal(signedIn(OWNER)).param("deliveryId", "d1"))
			.andExpect(redirectedUrl("/staff/webhooks/wh1"))
			.andExpect(flash().attribute("done", "1 delivery is being sent again, with its original webhook-id."));
		verify(this.webhooks).replay("wh1", Map.of("deliveryIds", List.of("d1")));
	}

	@Test
	void aTimeRangeIsReadAsUtc() throws Exception {
		given(this.webhooks.replay(eq("wh1"), any())).willReturn(3);
		this.mvc
			.perform(post("/staff/webhooks/wh1/replay-range").principal(signedIn(OWNER))
				.param("from", "2026-12-01T10:00")
				.param("to", "2026-12-01T12:30"))
			.andExpect(
					flash().attribute("done", "3 deliveries are being sent again, each with its original webhook-id."));
		verify(this.webhooks).replay("wh1", Map.of("from", "2026-12-01T10:00:00Z", "to", "2026-12-01T12:30:00Z"));

		this.mvc
			.perform(post("/staff/webhooks/wh1/replay-range").principal(signedIn(OWNER))
				.param("from", "2026-12-01T12:30")
				.param("to", "2026-12-01T10:00"))
			.andExpect(flash().attribute("problem", "The range must start before it ends."));
	}

	@Test
	void rotatingKeepsTheOldSecretForTheChosenOverlapAndShowsTheNewOneOnce() throws Exception {
		given(this.webhooks.rotate("wh1", Duration.ofHours(1))).willReturn(
				Map.of("endpoint", endpoint("wh1", "Accounting", Map.of("secretsSigning", 2)), "secret", "whsec_new"));
		this.mvc.perform(post("/staff/webhooks/wh1/secret").principal(signedIn(OWNER)).param("overlap", "PT1H"))
			.andExpect(redirectedUrl("/staff/webhooks/wh1"))
			.andExpect(flash().attribute("secret", "whsec_new"))
			.andExpect(flash().attribute("done", "New secret made; the old one keeps signing beside it for 1 hour."));

		this.mvc.perform(post("/staff/webhooks/wh1/secret").principal(signedIn(OWNER)).param("overlap", "P30D"))
			.andExpect(flash().attribute("problem", "Choose how long the old secret keeps signing."));
	}

	@Test
	void theEditFormStartsFromTheEndpointAndSavingGoesBackToItsPage() throws Exception {
		given(this.webhooks.endpoint("wh1")).willReturn(Optional.of(endpoint("wh1", "Accounting", Map.of())));
		this.mvc.perform(get("/staff/webhooks/wh1/edit").principal(signedIn(OWNER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/staff/webhooks/wh1\"")))
			.andExpect(content().string(containsString("value=\"https://wh1.example.com/hook\"")))
			.andExpect(
					content().string(containsString("id=\"type-dev.medspa.booking.confirmed\" checked=\"checked\"")));

		this.mvc
			.perform(post("/staff/webhooks/wh1").principal(signedIn(OWNER))
				.param("url", "https://wh1.example.com/v2")
				.param("description", "Accounting")
				.param("types", "dev.medspa.booking.checked-in")
				.param("contactEmail", OWNER))
			.andExpect(redirectedUrl("/staff/webhooks/wh1"))
			.andExpect(flash().attribute("done", "Saved. The signing secret stays as it was."));
		verify(this.webhooks).change("wh1", WebhookPages.form("https://wh1.example.com/v2", "Accounting",
				List.of("dev.medspa.booking.checked-in"), false, OWNER));
	}

	@Test
	void anUnknownEndpointIsAFriendlyNotFound() throws Exception {
		given(this.webhooks.endpoint("gone")).willReturn(Optional.empty());
		this.mvc.perform(get("/staff/webhooks/gone").principal(signedIn(OWNER)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("it may have been removed")));
	}

	@Test
	void removingNeedsTheBoxTicked() throws Exception {
		this.mvc.perform(post("/staff/webhooks/wh1/remove").principal(signedIn(OWNER)))
			.andExpect(redirectedUrl("/staff/webhooks/wh1"));
		verify(this.webhooks, never()).remove(any());

		given(this.webhooks.endpoint("wh1")).willReturn(Optional.of(endpoint("wh1", "Accounting", Map.of())));
		this.mvc.perform(post("/staff/webhooks/wh1/remove").principal(signedIn(OWNER)).param("confirm", "true"))
			.andExpect(redirectedUrl("/staff/webhooks"))
			.andExpect(flash().attribute("done",
					"Removed \"Accounting\". It receives nothing more; deliveries that were waiting were dropped."));
		verify(this.webhooks).remove("wh1");
	}

	private static Map<String, Object> endpoint(String id, String description, Map<String, Object> health) {
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("id", id);
		endpoint.put("url", "https://" + id + ".example.com/hook");
		endpoint.put("description", description);
		endpoint.put("types", List.of("dev.medspa.booking.confirmed"));
		endpoint.put("ordered", false);
		endpoint.put("contactEmail", OWNER);
		endpoint.put("createdAt", "2026-11-30T12:00:00Z");
		endpoint.put("createdBy", OWNER);
		endpoint.put("failing", false);
		endpoint.put("flagged", false);
		endpoint.put("secretsSigning", 1);
		endpoint.putAll(health);
		return endpoint;
	}

	private static Map<String, Object> delivery(String id, String status, Integer lastStatus, String lastError,
			boolean replayable) {
		Map<String, Object> delivery = new LinkedHashMap<>();
		delivery.put("id", id);
		delivery.put("webhookId", "msg_" + id);
		delivery.put("type", "dev.medspa.booking.confirmed");
		delivery.put("subject", "b-" + id);
		delivery.put("status", status);
		delivery.put("createdAt", "2026-12-01T18:00:05Z");
		delivery.put("nextAttemptAt", "2026-12-01T18:05:05Z");
		delivery.put("settledAt", "DELIVERED".equals(status) ? "2026-12-01T18:00:06Z" : null);
		delivery.put("attemptCount", 1);
		delivery.put("lastStatus", lastStatus);
		delivery.put("lastLatencyMillis", 42);
		delivery.put("lastError", lastError);
		Map<String, Object> attempt = new LinkedHashMap<>();
		attempt.put("at", "2026-12-01T18:00:06Z");
		attempt.put("status", lastStatus);
		attempt.put("latencyMillis", 42);
		attempt.put("error", lastError);
		delivery.put("attempts", List.of(attempt));
		delivery.put("replayable", replayable);
		return delivery;
	}

	private void member(String email, StaffRole role) {
		given(this.accounts.byEmail(email)).willReturn(
				Optional.of(new StaffAccount(email, "Member", "{noop}x", Set.of(role), Set.of(), true, 0, null)));
	}

	private static TestingAuthenticationToken signedIn(String email) {
		return new TestingAuthenticationToken(email, null, "ROLE_STAFF");
	}

}
