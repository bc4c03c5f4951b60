package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client's packages on their booking's page, in a web slice against stubbed services:
 * each package's sessions left, and what became of this visit's session; the page goes
 * without the section when the packages cannot be read.
 */
@WebMvcTest({ ManagePages.class, BookingPages.class })
@AutoConfigureMockMvc(addFilters = false)
@Import(ManagePackagesSliceTest.Fixed.class)
class ManagePackagesSliceTest {

	@EnableConfigurationProperties(PagesProperties.class)
	static class Fixed {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	@BeforeEach
	void aBooking() {
		given(this.catalog.treatment("microneedling"))
			.willReturn(Optional.of(new TreatmentState(new TreatmentId("microneedling"), "microneedling",
					"Micro-needling", "Micro-needling", "Collagen", Duration.ofMinutes(45), Duration.ofMinutes(20),
					Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING", null, null,
					List.of(), true, 1, null)));
		given(this.catalog.location("walnut-creek"))
			.willReturn(Optional.of(new LocationState(new LocationId("walnut-creek"), "walnut-creek", "Walnut Creek",
					new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"), "+1 925 555 0100",
					"America/Los_Angeles", List.of(), List.of(new TreatmentId("microneedling")), true, 1, List.of())));
		given(this.services.managed("t1")).willReturn(Optional.of(Map.of("id", "b1", "treatmentId", "microneedling",
				"locationId", "walnut-creek", "start", "2026-12-08T10:00:00-08:00", "end", "2026-12-08T11:15:00-08:00",
				"status", "CONFIRMED", "client", Map.of("name", "Ana Gomez"))));
	}

	@Test
	void thePackagesAndThisVisitsSessionAreShown() throws Exception {
		given(this.services.managedPackages("t1")).willReturn(Map.of("packages",
				List.of(view("pk1", "Micro-needling, course of 3", 3, 2), view("pk2", "Peel, course of 4", 4, 4)),
				"thisBooking", Map.of("packageId", "pk1", "name", "Micro-needling, course of 3", "state", "HELD")));

		this.mvc.perform(get("/manage/t1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"packages\"")))
			.andExpect(content().string(containsString("Your packages")))
			.andExpect(content().string(containsString("<li>Micro-needling, course of 3: 2 of 3 sessions left</li>")))
			.andExpect(content().string(containsString("<li>Peel, course of 4: 4 of 4 sessions left</li>")))
			.andExpect(content().string(containsString(
					"id=\"package-credit\">This visit uses a session of your package Micro-needling, course of 3.<")));
	}

	@Test
	void cancellingLateSaysWhatItCostsBeforeTheClientConfirms() throws Exception {
		given(this.services.cancellationTerms("t1")).willReturn(Map.of("lateNow", true, "lateFrom",
				"2026-12-06T18:00:00Z", "fee", 0, "depositHeld", 0, "packageSession", true));
		this.mvc.perform(get("/manage/t1/cancel"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"late-warning\"")))
			.andExpect(content().string(containsString("the session of your prepaid package is used up")));

		given(this.services.cancellationTerms("t1")).willReturn(Map.of("lateNow", true, "lateFrom",
				"2026-12-06T18:00:00Z", "fee", 5000, "currency", "USD", "depositHeld", 5000, "packageSession", false));
		this.mvc.perform(get("/manage/t1/cancel"))
			.andExpect(content().string(containsString(
					"the late-cancellation fee of $50.00 applies, and your deposit of $50.00 counts towards it.")));

		given(this.services.cancellationTerms("t1")).willReturn(Map.of("lateNow", false, "lateFrom",
				"2026-12-06T18:00:00Z", "fee", 5000, "currency", "USD", "depositHeld", 5000, "packageSession", false));
		this.mvc.perform(get("/manage/t1/cancel"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("late-warning"))));

		given(this.services.cancellationTerms("t1"))
			.willThrow(new org.springframework.web.client.ResourceAccessException("down"));
		this.mvc.perform(get("/manage/t1/cancel"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("confirm-cancel")));
	}

	@Test
	void aReturnedSessionIsSaid() throws Exception {
		given(this.services.managedPackages("t1"))
			.willReturn(Map.of("packages", List.of(view("pk1", "Micro-needling, course of 3", 3, 3)), "thisBooking",
					Map.of("packageId", "pk1", "name", "Micro-needling, course of 3", "state", "RETURNED")));

		this.mvc.perform(get("/manage/t1"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("id=\"package-credit\">The session was returned to your package Micro-needling")));
	}

	@Test
	void aForfeitedSessionIsSaid() throws Exception {
		Map<String, Object> answer = new HashMap<>();
		answer.put("packages", List.of(view("pk1", "Micro-needling, course of 3", 3, 1)));
		answer.put("thisBooking",
				Map.of("packageId", "pk1", "name", "Micro-needling, course of 3", "state", "FORFEITED"));
		given(this.services.managedPackages("t1")).willReturn(answer);

		this.mvc.perform(get("/manage/t1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"id=\"package-credit\">The session was forfeited (late cancellation or missed visit).<")));
	}

	@Test
	void aVisitPaidOtherwiseHasNoCreditLine() throws Exception {
		Map<String, Object> answer = new HashMap<>();
		answer.put("packages", List.of(view("pk1", "Micro-needling, course of 3", 3, 3)));
		answer.put("thisBooking", null);
		given(this.services.managedPackages("t1")).willReturn(answer);

		this.mvc.perform(get("/manage/t1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 of 3 sessions left")))
			.andExpect(content().string(not(containsString("package-credit"))));
	}

	@Test
	void thePageWorksWithoutThePackages() throws Exception {
		given(this.services.managedPackages("t1")).willThrow(new ServiceProblem(503, "http-503", null, Map.of()));

		this.mvc.perform(get("/manage/t1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your appointment")))
			.andExpect(content().string(not(containsString("Your packages"))));
	}

	private static Map<String, Object> view(String id, String name, int sessions, int remaining) {
		return Map.of("id", id, "offerId", "offer-" + id, "treatmentId", "microneedling", "name", name, "sessions",
				sessions, "remaining", remaining, "price", 60000, "currency", "USD", "status", "PAID", "credits",
				List.of());
	}

}
