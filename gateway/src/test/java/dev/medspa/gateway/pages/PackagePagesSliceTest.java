package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Buying a prepaid package, in a web slice against stubbed services: the offers with
 * their price, a purchase that redirects to its confirmation, the e-mail code asked for,
 * and each refusal next to its field with what was typed kept.
 */
@WebMvcTest({ PackagePages.class, HomePages.class })
@AutoConfigureMockMvc(addFilters = false)
class PackagePagesSliceTest {

	private static final Map<String, Object> OFFER = Map.of("id", "microneedling-3", "treatmentId", "microneedling",
			"name", "Micro-needling, course of 3", "sessions", 3, "price", 60000, "currency", "USD", "active", true);

	private static final String PURCHASE = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	private final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void anOffer() {
		given(this.services.packageOffers(null)).willReturn(List.of(OFFER));
	}

	@Test
	void theOffersShowTheirPriceAndPricePerSession() throws Exception {
		this.mvc.perform(get("/packages"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Micro-needling, course of 3")))
			.andExpect(content().string(containsString("3 sessions")))
			.andExpect(content().string(containsString("$600.00")))
			.andExpect(content().string(containsString("$200.00 a session")))
			.andExpect(content().string(containsString("href=\"/packages/microneedling-3\"")));
	}

	@Test
	void offersThatCannotBeReadAreSaidPlainly() throws Exception {
		given(this.services.packageOffers(null)).willThrow(new ServiceProblem(503, "http-503", null, Map.of()));

		this.mvc.perform(get("/packages"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We cannot show our packages just now.")));
	}

	@Test
	void thePurchasePageHasTheContactFieldsATestCardAndAPurchaseId() throws Exception {
		this.mvc.perform(get("/packages/microneedling-3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"email\">E-mail</label>")))
			.andExpect(content().string(containsString("id=\"paymentMethod\"")))
			.andExpect(content().string(containsString("<option value=\"pm_card_visa\">")))
			.andExpect(content().string(containsString("local test payment provider")))
			.andExpect(content().string(containsString("id=\"buy\"")))
			.andExpect(content().string(not(containsString("consentToSms"))))
			.andExpect(content().string(matchesPattern(
					"(?s).*name=\"purchaseId\" value=\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\".*")));
	}

	@Test
	void anOfferNotOnSaleIsNotFound() throws Exception {
		this.mvc.perform(get("/packages/botox-10")).andExpect(status().isNotFound());
	}

	@Test
	void aPurchaseRedirectsToItsConfirmation() throws Exception {
		given(this.services.buyPackage(any())).willReturn(Map.ofEntries(Map.entry("id", "pk1"),
				Map.entry("offerId", "microneedling-3"), Map.entry("treatmentId", "microneedling"),
				Map.entry("name", "Micro-needling, course of 3"), Map.entry("sessions", 3), Map.entry("remaining", 3),
				Map.entry("price", 60000), Map.entry("currency", "USD"), Map.entry("status", "PAID"),
				Map.entry("purchasedAt", "2026-12-01T10:00:00Z"), Map.entry("credits", List.of())));

		this.mvc.perform(client(post("/packages/microneedling-3")).param("paymentMethod", "pm_card_visa"))
			.andExpect(redirectedUrl("/packages/bought/pk1"));
		ArgumentCaptor<Map<String, Object>> request = requestCaptor();
		verify(this.services).buyPackage(request.capture());
		assertThat(request.getValue()).containsEntry("offerId", "microneedling-3")
			.containsEntry("paymentMethod", "pm_card_visa")
			.containsEntry("purchaseId", PURCHASE)
			.containsEntry("client",
					Map.of("name", "Ana Gomez", "email", "ana@example.com", "phone", "+1 925 555 0199"))
			.doesNotContainKey("emailCode");

		this.mvc.perform(get("/packages/bought/pk1").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 sessions of Micro-needling, course of 3, paid $600.00.")))
			.andExpect(content().string(containsString("id=\"package-remaining\">3 of 3<")))
			.andExpect(content().string(containsString("href=\"/book/microneedling\"")));
	}

	@Test
	void aConfirmationNotInThisSessionIsNotFound() throws Exception {
		this.mvc.perform(get("/packages/bought/pk1").session(this.session)).andExpect(status().isNotFound());
	}

	@Test
	void aCodeIsSentAndAskedForWithEverythingKept() throws Exception {
		given(this.services.buyPackage(any())).willThrow(new ServiceProblem(422, "email-code-required",
				"A code sent to this e-mail address is required", Map.of("emailCode", "is required")));

		this.mvc.perform(client(post("/packages/microneedling-3")).param("paymentMethod", "pm_card_visa"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A package depends on your")))
			.andExpect(content().string(containsString("id=\"emailCode\"")))
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")))
			.andExpect(content().string(containsString("value=\"" + PURCHASE + "\"")))
			.andExpect(content().string(containsString("<option value=\"pm_card_visa\" selected=\"selected\">")));
		verify(this.services).sendEmailCode("ana@example.com");
	}

	@Test
	void theCodeIsSentWithTheNextTryAndAWrongOneIsSaidAtItsField() throws Exception {
		given(this.services.buyPackage(any()))
			.willThrow(new ServiceProblem(422, "email-code-invalid", "invalid", Map.of("emailCode", "is invalid")));

		this.mvc
			.perform(client(post("/packages/microneedling-3")).param("paymentMethod", "pm_card_visa")
				.param("emailCode", " 123456 "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"code-error\"")))
			.andExpect(content().string(containsString("is not the one we sent to this address")));
		ArgumentCaptor<Map<String, Object>> request = requestCaptor();
		verify(this.services).buyPackage(request.capture());
		assertThat(request.getValue()).containsEntry("emailCode", "123456");
	}

	@Test
	void aDeclinedCardSaysWhyAtTheCardAndThatNothingWasBought() throws Exception {
		given(this.services.buyPackage(any())).willThrow(new ServiceProblem(422, "payment-declined",
				"The payment provider declined the card", Map.of("paymentMethod", "insufficient funds")));

		this.mvc
			.perform(client(post("/packages/microneedling-3")).param("paymentMethod", "pm_decline_insufficient_funds"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"card-error\" role=\"alert\">Sorry, the card was declined "
					+ "(insufficient funds), so nothing was bought")))
			.andExpect(content().string(containsString("aria-describedby=\"card-note card-error\"")))
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")))
			.andExpect(content().string(containsString("value=\"ana@example.com\"")))
			.andExpect(content()
				.string(containsString("<option value=\"pm_decline_insufficient_funds\" selected=\"selected\">")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void anUnreachablePaymentServiceIsSaidAtTheCard() throws Exception {
		given(this.services.buyPackage(any()))
			.willThrow(new ServiceProblem(503, "payment-unavailable", "unavailable", Map.of()));

		this.mvc.perform(client(post("/packages/microneedling-3")).param("paymentMethod", "pm_card_visa"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"card-error\"")))
			.andExpect(content().string(containsString("Nothing was bought and nothing was charged")));
	}

	@Test
	void invalidFieldsAreSaidNextToThem() throws Exception {
		given(this.services.buyPackage(any())).willThrow(new ServiceProblem(422, "invalid-request", "invalid",
				Map.of("client.phone", "must be a phone number", "paymentMethod", "must not be blank")));

		this.mvc.perform(client(post("/packages/microneedling-3")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"phone-error\">Phone must be a phone number<")))
			.andExpect(content().string(containsString("aria-describedby=\"phone-error\"")))
			.andExpect(content().string(containsString("Please choose a test card.")))
			.andExpect(content().string(not(containsString("role=\"alert\" id=\"problem\""))));
	}

	@Test
	void aMissingPurchaseIdIsChosenSoTheRequestIsAlwaysIdempotent() throws Exception {
		given(this.services.buyPackage(any()))
			.willThrow(new ServiceProblem(422, "unknown-package-offer", "unknown", Map.of("offerId", "unknown")));

		this.mvc
			.perform(post("/packages/microneedling-3").session(this.session)
				.param("name", "Ana Gomez")
				.param("purchaseId", "")
				.param("paymentMethod", "pm_card_visa"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This package is no longer on sale, so nothing was bought.")));
		ArgumentCaptor<Map<String, Object>> request = requestCaptor();
		verify(this.services).buyPackage(request.capture());
		assertThat(String.valueOf(request.getValue().get("purchaseId"))).matches("[0-9a-f-]{36}");
		verify(this.services, never()).sendEmailCode(any());
	}

	@Test
	void theHomePageAndATreatmentSoldInAPackageLinkToTheOffers() throws Exception {
		given(this.catalog.treatment("microneedling"))
			.willReturn(Optional.of(new TreatmentState(new TreatmentId("microneedling"), "microneedling",
					"Micro-needling", "Micro-needling", "Collagen", Duration.ofMinutes(45), Duration.ofMinutes(20),
					Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING", null, null,
					List.of(), true, 1, null)));
		given(this.services.packageOffers("microneedling")).willReturn(List.of(OFFER));

		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/packages\" id=\"packages-link\"")));
		this.mvc.perform(get("/treatments/microneedling"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"package-link\"")));

		given(this.services.packageOffers("microneedling")).willReturn(List.of());
		this.mvc.perform(get("/treatments/microneedling"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("package-link"))));
	}

	private MockHttpServletRequestBuilder client(MockHttpServletRequestBuilder request) {
		return request.session(this.session)
			.param("name", "Ana Gomez")
			.param("email", "ana@example.com")
			.param("phone", "+1 925 555 0199")
			.param("purchaseId", PURCHASE);
	}

	@SuppressWarnings("unchecked")
	private static ArgumentCaptor<Map<String, Object>> requestCaptor() {
		return ArgumentCaptor.forClass(Map.class);
	}

}
