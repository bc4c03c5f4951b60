package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.Services;
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
import static org.mockito.ArgumentMatchers.anyString;
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
 * A location's waitlist for staff in a web slice: the waiters in the service's order with
 * their windows and each offer's fate; the settings form for managers only.
 */
@WebMvcTest(WaitlistStaffPages.class)
@AutoConfigureMockMvc(addFilters = false)
class WaitlistStaffPagesSliceTest {

	private static final TreatmentState TREATMENT = new TreatmentState(new TreatmentId("microneedling"),
			"microneedling", "Micro-needling", "Micro-needling", "Collagen induction", Duration.ofMinutes(45),
			Duration.ofMinutes(20), Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING",
			null, null, List.of(), true, 1, null);

	private static final LocationState WALNUT_CREEK = new LocationState(new LocationId("walnut-creek"), "walnut-creek",
			"Walnut Creek", new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"),
			"+1 925 555 0100", "America/Los_Angeles", List.of(), List.of(new TreatmentId("microneedling")), true, 1,
			List.of());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	StaffAccounts accounts;

	@BeforeEach
	void aLocationWithOneWaiter() {
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		given(this.catalog.locations()).willReturn(List.of(WALNUT_CREEK));
		given(this.catalog.treatments()).willReturn(List.of(TREATMENT));
		given(this.services.waitlistSettings("walnut-creek"))
			.willReturn(Map.of("locationId", "walnut-creek", "mode", "SEVERAL_AT_ONCE", "several", 4));
		given(this.services.staffWaitlist("walnut-creek", null)).willReturn(List.of(Map.of("id", "w1", "treatmentId",
				"microneedling", "from", "2026-12-03", "to", "2026-12-20", "partsOfDay", List.of("MORNING"), "weekdays",
				List.of("MONDAY", "FRIDAY"), "status", "WAITING", "joinedAt", "2026-12-01T18:00:00Z", "client",
				Map.of("name", "Ana Gomez", "email", "ana@example.com", "phone", "+1 925 555 0199"), "offers",
				List.of(Map.of("offerId", "o1", "status", "EXPIRED", "start", "2026-12-04T10:00:00-08:00", "offeredAt",
						"2026-12-02T17:00:00Z", "endedAt", "2026-12-02T17:30:00Z")))));
	}

	@Test
	void aManagerSeesTheWaitersInOrderAndTheSettingsForm() throws Exception {
		member("manager@clinic.example", StaffRole.MANAGER);
		this.mvc.perform(get("/staff/waitlist/walnut-creek").principal(signedIn("manager@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Waitlist: Walnut Creek")))
			.andExpect(content().string(containsString("Ana Gomez")))
			.andExpect(
					content().string(containsString("December 3 to December 20, 2026 · mornings · Mondays or Fridays")))
			.andExpect(content().string(containsString("Friday, December 4, 2026 at 10:00 AM PST")))
			.andExpect(content().string(containsString("ran out unanswered")))
			.andExpect(content().string(containsString("id=\"waitlist-settings\"")))
			.andExpect(content().string(containsString("value=\"4\"")));
	}

	@Test
	void theFrontDeskReadsTheSettingsButCannotChangeThem() throws Exception {
		member("desk@clinic.example", StaffRole.FRONT_DESK);
		this.mvc.perform(get("/staff/waitlist/walnut-creek").principal(signedIn("desk@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("To 4 clients at once")))
			.andExpect(content().string(not(containsString("id=\"waitlist-settings\""))));
		this.mvc
			.perform(post("/staff/waitlist/walnut-creek/settings").principal(signedIn("desk@clinic.example"))
				.param("mode", "FIRST_IN_LINE"))
			.andExpect(status().isForbidden());
		verify(this.services, never()).updateWaitlistSettings(anyString(), any());
	}

	@Test
	@SuppressWarnings("unchecked")
	void aManagerChangesHowFreedTimesAreOffered() throws Exception {
		member("manager@clinic.example", StaffRole.MANAGER);
		this.mvc
			.perform(post("/staff/waitlist/walnut-creek/settings").principal(signedIn("manager@clinic.example"))
				.param("mode", "SEVERAL_AT_ONCE")
				.param("several", "3"))
			.andExpect(redirectedUrl("/staff/waitlist/walnut-creek"));
		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.services).updateWaitlistSettings(org.mockito.ArgumentMatchers.eq("walnut-creek"), sent.capture());
		assertThat(sent.getValue()).containsEntry("mode", "SEVERAL_AT_ONCE").containsEntry("several", 3);
	}

	@Test
	void anotherLocationsWaitlistIsNotShown() throws Exception {
		member("desk@clinic.example", StaffRole.FRONT_DESK);
		this.mvc.perform(get("/staff/waitlist/scottsdale").principal(signedIn("desk@clinic.example")))
			.andExpect(status().isForbidden());
		verify(this.services, never()).staffWaitlist("scottsdale", null);
	}

	@Test
	void aManagerSeesTheRefillsOfTheLastSixMonthsAsATableAndBars() throws Exception {
		member("manager@clinic.example", StaffRole.MANAGER);
		java.util.Map<String, Object> quiet = new java.util.HashMap<>();
		quiet.put("month", "2026-11");
		quiet.put("freed", 2);
		quiet.put("refilled", 0);
		quiet.put("medianMinutesToRefill", null);
		given(this.services.waitlistRefills("walnut-creek", 6)).willReturn(
				List.of(Map.of("month", "2026-10", "freed", 4, "refilled", 3, "medianMinutesToRefill", 12), quiet));

		this.mvc.perform(get("/staff/waitlist/walnut-creek").principal(signedIn("manager@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"refills-table\"")))
			.andExpect(content().string(containsString("<th scope=\"row\">October 2026</th>")))
			.andExpect(content().string(containsString("<td>75%</td>")))
			.andExpect(content().string(containsString("<td>12 min</td>")))
			.andExpect(content().string(containsString("id=\"refills-chart\"")))
			.andExpect(content().string(containsString("<figcaption>")))
			.andExpect(content().string(containsString("style=\"width: 100%\"")))
			.andExpect(content().string(containsString("style=\"width: 75%\"")))
			.andExpect(content().string(containsString("3 refilled, median 12 min")))
			.andExpect(content().string(containsString("0 refilled</span>")));
	}

	@Test
	void theFrontDeskDoesNotSeeTheRefills() throws Exception {
		member("desk@clinic.example", StaffRole.FRONT_DESK);
		this.mvc.perform(get("/staff/waitlist/walnut-creek").principal(signedIn("desk@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"refills\""))))
			.andExpect(content().string(containsString("id=\"offer-w1\"")));
		verify(this.services, never()).waitlistRefills(anyString(), org.mockito.ArgumentMatchers.anyInt());
	}

	@Test
	void staffOfferATimeToOneWaiterByHand() throws Exception {
		member("desk@clinic.example", StaffRole.FRONT_DESK);
		this.mvc.perform(get("/staff/waitlist/walnut-creek").principal(signedIn("desk@clinic.example")))
			.andExpect(content().string(containsString("action=\"/staff/waitlist/walnut-creek/offers\"")))
			.andExpect(content().string(containsString("type=\"datetime-local\" name=\"start\"")))
			.andExpect(content().string(containsString("name=\"entryId\" value=\"w1\"")));

		this.mvc
			.perform(post("/staff/waitlist/walnut-creek/offers").principal(signedIn("desk@clinic.example"))
				.param("entryId", "w1")
				.param("client", "Ana Gomez")
				.param("start", "2026-12-04T10:00"))
			.andExpect(redirectedUrl("/staff/waitlist/walnut-creek"))
			.andExpect(flash().attribute("done", containsString("they have 30 minutes")))
			.andExpect(flash().attribute("done", containsString("Friday, December 4, 2026 at 10:00 AM PST")));
		verify(this.services).offerByHand("w1", "walnut-creek",
				java.time.OffsetDateTime.parse("2026-12-04T10:00-08:00"));
	}

	@Test
	void anOfferThatCannotBeMadeSaysWhy() throws Exception {
		member("desk@clinic.example", StaffRole.FRONT_DESK);
		org.mockito.BDDMockito
			.willThrow(new dev.medspa.gateway.services.ServiceProblem(409, "cannot-offer",
					"That time is not free at Walnut Creek", Map.of()))
			.given(this.services)
			.offerByHand(anyString(), anyString(), any());

		this.mvc
			.perform(post("/staff/waitlist/walnut-creek/offers").principal(signedIn("desk@clinic.example"))
				.param("entryId", "w1")
				.param("treatment", "microneedling")
				.param("start", "2026-12-04T10:00"))
			.andExpect(redirectedUrl("/staff/waitlist/walnut-creek?treatment=microneedling"))
			.andExpect(flash().attribute("problem", containsString("That time is not free at Walnut Creek")));
		this.mvc
			.perform(post("/staff/waitlist/scottsdale/offers").principal(signedIn("desk@clinic.example"))
				.param("entryId", "w1")
				.param("start", "2026-12-04T10:00"))
			.andExpect(status().isForbidden());
	}

	private void member(String email, StaffRole role) {
		given(this.accounts.byEmail(email)).willReturn(Optional
			.of(new StaffAccount(email, "Member", "{noop}x", Set.of(role), Set.of("walnut-creek"), true, 0, null)));
	}

	private static TestingAuthenticationToken signedIn(String email) {
		return new TestingAuthenticationToken(email, null, "ROLE_STAFF");
	}

}
