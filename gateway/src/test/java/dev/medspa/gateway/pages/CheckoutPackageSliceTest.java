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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
 * Paying for a visit with a session of a prepaid package at checkout, in a web slice
 * against stubbed services: the box shows only where the treatment is sold in a package,
 * ticking it asks booking-service to use a credit, and its refusal is said at the box.
 */
@WebMvcTest(BookingPages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(CheckoutPackageSliceTest.Fixed.class)
class CheckoutPackageSliceTest {

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

	private static final Map<String, Object> POLICY = Map.of("policyId", "p1", "treatmentId", "microneedling",
			"version", 3, "terms", Map.of("currency", "USD", "deposit", 5000));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	private final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void aHeldTimeOfATreatmentSoldInAPackage() {
		given(this.catalog.treatment("microneedling")).willReturn(Optional.of(TREATMENT));
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		given(this.services.policy("microneedling", "walnut-creek")).willReturn(Optional.of(POLICY));
		given(this.services.packageOffers("microneedling"))
			.willReturn(List.of(Map.of("id", "microneedling-3", "treatmentId", "microneedling", "name",
					"Micro-needling, course of 3", "sessions", 3, "price", 60000, "currency", "USD", "active", true)));
		Checkout.save(this.session, Checkout.started("h1", "microneedling", "walnut-creek", "America/Los_Angeles",
				OffsetDateTime.parse("2026-12-08T10:00:00-08:00"), "maya-chen", Instant.parse("2026-12-01T18:10:00Z")));
	}

	@Test
	void theBoxIsOfferedWithThePolicyStillToAccept() throws Exception {
		this.mvc.perform(get("/book/checkout/h1").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"usePackage\" name=\"usePackage\"")))
			.andExpect(content().string(containsString("Use a session from my prepaid package (no deposit is taken)")))
			.andExpect(content().string(containsString("I accept this policy")))
			.andExpect(content().string(not(matchesPattern("(?s).*id=\"usePackage\"[^>]*checked.*"))));
	}

	@Test
	void noBoxWhereTheTreatmentIsNotSoldInAPackage() throws Exception {
		given(this.services.packageOffers("microneedling")).willReturn(List.of());

		this.mvc.perform(get("/book/checkout/h1").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("usePackage"))));
	}

	@Test
	void noBoxWhenTheOffersCannotBeRead() throws Exception {
		given(this.services.packageOffers("microneedling"))
			.willThrow(new ServiceProblem(503, "http-503", null, Map.of()));

		this.mvc.perform(get("/book/checkout/h1").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Book this time")))
			.andExpect(content().string(not(containsString("usePackage"))));
	}

	@Test
	void aTickedBoxAsksToUseACreditWithoutACard() throws Exception {
		given(this.services.book(any(), any())).willReturn(Map.of("id", "b1", "manage", Map.of("token", "t1")));

		this.mvc.perform(client(post("/book/checkout/h1")).param("acceptedPolicy", "3").param("usePackage", "true"))
			.andExpect(redirectedUrl("/book/confirmed/h1"));
		ArgumentCaptor<Map<String, Object>> request = requestCaptor();
		verify(this.services).book(request.capture(), any());
		assertThat(request.getValue()).containsEntry("usePackage", true)
			.containsEntry("policyAcceptance", Map.of("version", 3))
			.doesNotContainKey("paymentMethod");
	}

	@Test
	void anUntickedBoxSendsNoFlag() throws Exception {
		given(this.services.book(any(), any())).willReturn(Map.of("id", "b1", "manage", Map.of("token", "t1")));

		this.mvc
			.perform(client(post("/book/checkout/h1")).param("acceptedPolicy", "3")
				.param("paymentMethod", "pm_card_visa"))
			.andExpect(redirectedUrl("/book/confirmed/h1"));
		ArgumentCaptor<Map<String, Object>> request = requestCaptor();
		verify(this.services).book(request.capture(), any());
		assertThat(request.getValue()).doesNotContainKey("usePackage");
	}

	@Test
	void noCreditLeftIsSaidAtTheBoxWithItStillTicked() throws Exception {
		given(this.services.book(any(), any()))
			.willThrow(new ServiceProblem(422, "no-package-credit", "No prepaid package", Map.of("usePackage",
					"No prepaid package for this treatment with a session left for this e-mail address")));

		this.mvc.perform(client(post("/book/checkout/h1")).param("acceptedPolicy", "3").param("usePackage", "true"))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("<p class=\"field-error\" id=\"usePackage-error\" role=\"alert\">"
							+ "No prepaid package for this treatment with a session left for this e-mail address.")))
			.andExpect(content().string(containsString("aria-describedby=\"usePackage-error\"")))
			.andExpect(content().string(matchesPattern("(?s).*id=\"usePackage\"[^>]*checked=\"checked\".*")))
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")));
	}

	private MockHttpServletRequestBuilder client(MockHttpServletRequestBuilder request) {
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
