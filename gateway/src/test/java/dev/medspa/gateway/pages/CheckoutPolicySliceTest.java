package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checkout of a treatment with a cancellation policy, in a web slice against stubbed
 * services: the policy in plain words before booking, a box to accept it that sends its
 * version, a test card's token, and each refusal next to its field; a declined card holds
 * the time again for another try. Without a policy the page is as before.
 */
@WebMvcTest(BookingPages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(CheckoutPolicySliceTest.Fixed.class)
class CheckoutPolicySliceTest {

	@EnableConfigurationProperties(PagesProperties.class)
	static class Fixed {

		/** Tuesday, 1 December 2026, 10:00 in Walnut Creek. */
		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);
		}

	}

	private static final TreatmentState TREATMENT = new TreatmentState(new TreatmentId("microneedling"),
			"microneedling", "Micro-needling", "Micro-needling", "Collagen induction", Duration.ofMinutes(45),
			Duration.ofMinutes(20), Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING",
			null, null, List.of(), true, 1, null);

	private static final LocationState WALNUT_CREEK = new LocationState(new LocationId("walnut-creek"), "walnut-creek",
			"Walnut Creek", new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"),
			"+1 925 555 0100", "America/Los_Angeles", List.of(), List.of(new TreatmentId("microneedling")), true, 1,
			List.of());

	private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-08T10:00:00-08:00");

	private static final Map<String, Object> POLICY = Map.of("policyId", "p1", "treatmentId", "microneedling",
			"version", 3, "terms", Map.of("currency", "USD", "deposit", 5000, "cardOnFile", true, "lateCancelWindow",
					"PT48H", "lateCancelFee", 5000, "noShowFee", 10000));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	private final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void aHeldTime() {
		given(this.catalog.treatment("microneedling")).willReturn(Optional.of(TREATMENT));
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		Checkout.save(this.session, Checkout.started("h1", "microneedling", "walnut-creek", "America/Los_Angeles",
				START, "maya-chen", Instant.parse("2026-12-01T18:10:00Z")));
	}

	@Test
	void thePolicyIsShownInPlainWordsWithTheBoxAndTheTestCard() throws Exception {
		given(this.services.policy("microneedling", "walnut-creek")).willReturn(Optional.of(POLICY));

		this.mvc.perform(get("/book/checkout/h1").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cancellation policy")))
			.andExpect(content().string(containsString("$50.00 deposit, charged now.")))
			.andExpect(content()
				.string(containsString("Cancel at least 48 hours before, or a $50.00 late-cancellation fee applies.")))
			.andExpect(content().string(containsString("No-show fee $100.00.")))
			.andExpect(content().string(not(containsString("less than 48 hours away"))))
			.andExpect(content().string(containsString("name=\"acceptedPolicy\"")))
			.andExpect(content().string(containsString("value=\"3\"")))
			.andExpect(content().string(containsString("I accept this policy")))
			.andExpect(content().string(containsString("Test card (local provider)")))
			.andExpect(content().string(containsString("<option value=\"pm_card_visa\">Visa that succeeds")))
			.andExpect(content().string(containsString("no real card is")))
			.andExpect(content().string(not(containsString("card number\""))));
	}

	@Test
	void aTimeInsideTheWindowSaysThatCancellingItCostsTheFee() throws Exception {
		given(this.services.policy("microneedling", "walnut-creek")).willReturn(Optional.of(POLICY));
		Checkout.save(this.session, Checkout.started("h3", "microneedling", "walnut-creek", "America/Los_Angeles",
				OffsetDateTime.parse("2026-12-02T10:00:00-08:00"), "maya-chen", Instant.parse("2026-12-01T18:10:00Z")));

		this.mvc.perform(get("/book/checkout/h3").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("This time is less than 48 hours away, so cancelling it costs the fee.")));
	}

	@Test
	void withoutAPolicyThePageIsAsBefore() throws Exception {
		this.mvc.perform(get("/book/checkout/h1").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Book this time")))
			.andExpect(content().string(not(containsString("Cancellation policy"))))
			.andExpect(content().string(not(containsString("paymentMethod"))));
	}

	@Test
	void bookingWithoutTickingTheBoxSaysSoNextToIt() throws Exception {
		given(this.services.policy("microneedling", "walnut-creek")).willReturn(Optional.of(POLICY));
		given(this.services.book(any(), any())).willThrow(
				new ServiceProblem(422, "policy-not-accepted", "This treatment's cancellation policy must be accepted",
						Map.of("policyAcceptance", "This treatment's cancellation policy must be accepted"),
						Map.of("currentVersion", 3)));

		this.mvc.perform(client(post("/book/checkout/h1")).param("paymentMethod", "pm_card_visa"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"policy-error\"")))
			.andExpect(content().string(containsString("Please read the cancellation policy and tick")))
			.andExpect(content().string(containsString("<option value=\"pm_card_visa\" selected=\"selected\">")));
		ArgumentCaptor<Map<String, Object>> request = requestCaptor();
		verify(this.services).book(request.capture(), any());
		assertThat(request.getValue()).doesNotContainKey("policyAcceptance")
			.containsEntry("paymentMethod", "pm_card_visa");
	}

	@Test
	void aRefusalUnderAPolicyThePageCouldNotReadIsStillSaid() throws Exception {
		given(this.services.policy("microneedling", "walnut-creek"))
			.willThrow(new ServiceProblem(503, "http-503", null, Map.of()));
		given(this.services.book(any(), any())).willThrow(new ServiceProblem(422, "policy-not-accepted",
				"must be accepted", Map.of("policyAcceptance", "must be accepted"), Map.of("currentVersion", 3)));

		this.mvc.perform(client(post("/book/checkout/h1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content()
				.string(containsString("This treatment has a cancellation policy that must be accepted first.")));
	}

	@Test
	void bookingWithoutACardAsksForOneNextToTheCardField() throws Exception {
		given(this.services.policy("microneedling", "walnut-creek")).willReturn(Optional.of(POLICY));
		given(this.services.book(any(), any())).willThrow(new ServiceProblem(422, "payment-method-required",
				"send the payment method token", Map.of("paymentMethod", "send the payment method token")));

		this.mvc.perform(client(post("/book/checkout/h1")).param("acceptedPolicy", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"id=\"card-error\" role=\"alert\">Please choose a card: this treatment&#39;s cancellation policy")));
	}

	@Test
	void anAcceptedPolicyAndACardBook() throws Exception {
		given(this.services.policy("microneedling", "walnut-creek")).willReturn(Optional.of(POLICY));
		given(this.services.book(any(), any())).willReturn(Map.of("id", "b1", "manage", Map.of("token", "t1")));

		this.mvc
			.perform(client(post("/book/checkout/h1")).param("acceptedPolicy", "3")
				.param("paymentMethod", "pm_card_visa"))
			.andExpect(redirectedUrl("/book/confirmed/h1"));
		ArgumentCaptor<Map<String, Object>> request = requestCaptor();
		verify(this.services).book(request.capture(), any());
		assertThat(request.getValue()).containsEntry("policyAcceptance", Map.of("version", 3))
			.containsEntry("paymentMethod", "pm_card_visa")
			.containsEntry("holdId", "h1");
	}

	@Test
	void aDeclinedCardIsToldKindlyAndTheTimeIsHeldAgain() throws Exception {
		given(this.services.policy("microneedling", "walnut-creek")).willReturn(Optional.of(POLICY));
		given(this.services.book(any(), any())).willThrow(new ServiceProblem(422, "payment-declined",
				"The payment provider declined the card: The card was declined",
				Map.of("paymentMethod", "The payment provider declined the card"),
				Map.of("declineCode", "card_declined")));
		given(this.services.hold("microneedling", "walnut-creek", START, "maya-chen"))
			.willReturn(Map.of("holdId", "h2", "practitionerId", "maya-chen", "expiresAt", "2026-12-01T18:12:00Z"));

		this.mvc
			.perform(client(post("/book/checkout/h1")).param("acceptedPolicy", "3")
				.param("paymentMethod", "pm_decline_insufficient_funds")
				.param("emailCode", "123456"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"card-error\"")))
			.andExpect(content().string(containsString("value=\"123456\"")))
			.andExpect(content().string(containsString("Sorry, the card was declined, so nothing was charged and "
					+ "nothing was booked. Please try another card. We are still holding this time for you.")))
			.andExpect(content().string(containsString("action=\"/book/checkout/h2\"")))
			.andExpect(content().string(containsString("10:12 AM PST")))
			.andExpect(content()
				.string(matchesPattern("(?s).*id=\"acceptPolicy\"[^>]*value=\"3\"[^>]*checked=\"checked\".*")));
		assertThat(Checkout.find(this.session, "h2")).isNotNull();
	}

	@Test
	void aDeclinedCardWhoseTimeWasTakenMeanwhileOffersAnotherTime() throws Exception {
		given(this.services.policy("microneedling", "walnut-creek")).willReturn(Optional.of(POLICY));
		given(this.services.book(any(), any()))
			.willThrow(new ServiceProblem(422, "payment-declined", "declined", Map.of(), Map.of()));
		given(this.services.hold(any(), any(), any(), any()))
			.willThrow(new ServiceProblem(409, "slot-taken", "taken", Map.of()));

		this.mvc
			.perform(client(post("/book/checkout/h1")).param("acceptedPolicy", "3")
				.param("paymentMethod", "pm_decline_insufficient_funds"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sorry, the card was declined")))
			.andExpect(content().string(containsString("Meanwhile someone else has taken this time.")))
			.andExpect(content().string(containsString("Pick another time")));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder client(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
		return request.session(this.session)
			.param("name", "Ana Gomez")
			.param("email", "ana@example.com")
			.param("phone", "+1 925 555 0199");
	}

	@SuppressWarnings("unchecked")
	private static ArgumentCaptor<Map<String, Object>> requestCaptor() {
		return ArgumentCaptor.forClass(Map.class);
	}

}
