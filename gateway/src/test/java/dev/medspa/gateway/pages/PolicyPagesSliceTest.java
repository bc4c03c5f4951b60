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
import dev.medspa.gateway.services.ServiceProblem;
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
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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
 * A treatment's cancellation policy for the staff in a web slice, against a stubbed
 * booking-service: the terms in force and the versions in money and words, an owner's
 * change sent in minor units with an ISO window, a refusal shown next to its field, and
 * the front desk reading without a form and refused a change.
 */
@WebMvcTest(PolicyPages.class)
@AutoConfigureMockMvc(addFilters = false)
class PolicyPagesSliceTest {

	private static final TreatmentState TREATMENT = new TreatmentState(new TreatmentId("microneedling"),
			"microneedling", "Micro-needling", "Micro-needling", "Collagen induction", Duration.ofMinutes(45),
			Duration.ofMinutes(20), Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING",
			null, null, List.of(), true, 1, null);

	private static final LocationState WALNUT_CREEK = new LocationState(new LocationId("walnut-creek"), "walnut-creek",
			"Walnut Creek", new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"),
			"+1 925 555 0100", "America/Los_Angeles", List.of(), List.of(), true, 1, List.of());

	private static final String PAGE = "/staff/policies/microneedling";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	StaffAccounts accounts;

	@BeforeEach
	void aPolicyWithTwoVersions() {
		given(this.catalog.treatment("microneedling")).willReturn(Optional.of(TREATMENT));
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		given(this.catalog.locations()).willReturn(List.of(WALNUT_CREEK));
		given(this.services.cancellationPolicy("microneedling"))
			.willReturn(Optional.of(Map.of("policyId", "p1", "treatmentId", "microneedling", "current", 2, "versions",
					List.of(Map.of("number", 1, "terms", terms(0, false, "PT24H", 0, 0), "createdAt",
							"2026-11-01T18:00:00Z", "by", "owner@clinic.example"),
							Map.of("number", 2, "terms", terms(5000, true, "PT48H", 7500, 10000), "createdAt",
									"2026-12-01T18:00:00Z", "by", "owner@clinic.example")))));
	}

	@Test
	void thePageShowsTheTermsInForceAndTheVersions() throws Exception {
		member("owner@clinic.example", StaffRole.OWNER);
		this.mvc.perform(get(PAGE).principal(signedIn("owner@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cancellation policy: Micro-needling")))
			.andExpect(content().string(containsString("Version 2, saved")))
			.andExpect(content().string(containsString("Deposit $50.00, charged at booking.")))
			.andExpect(content().string(containsString("Late-cancellation fee $75.00 within 48 hours of the start.")))
			.andExpect(content().string(containsString("No-show fee $100.00.")))
			.andExpect(content().string(containsString("data-version=\"1\"")))
			.andExpect(content().string(containsString("value=\"50.00\"")))
			.andExpect(content().string(containsString("id=\"policy-form\"")))
			.andExpect(content().string(containsString("action=\"/staff/policies/microneedling\"")))
			.andExpect(
					content().string(containsString("/staff/catalog/locations/walnut-creek/policies/microneedling")));
	}

	@Test
	void anOwnerSavesAPolicyInMinorUnitsWithAnIsoWindow() throws Exception {
		member("owner@clinic.example", StaffRole.OWNER);
		this.mvc
			.perform(post(PAGE).param("deposit", "50.00")
				.param("cardOnFile", "true")
				.param("lateCancelHours", "72")
				.param("lateCancelFee", "75.5")
				.param("noShowFee", "120")
				.principal(signedIn("owner@clinic.example")))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("done", containsString("Saved as a new version")));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.services).changeCancellationPolicy(isNull(), eq("microneedling"), sent.capture());
		assertThat(sent.getValue()).containsEntry("deposit", 5000L)
			.containsEntry("cardOnFile", true)
			.containsEntry("lateCancelWindow", "PT72H")
			.containsEntry("lateCancelFee", 7550L)
			.containsEntry("noShowFee", 12000L)
			.containsEntry("currency", "USD");
	}

	@Test
	void aRefusalIsShownNextToItsField() throws Exception {
		member("owner@clinic.example", StaffRole.OWNER);
		given(this.services.changeCancellationPolicy(isNull(), eq("microneedling"), anyMap()))
			.willThrow(new ServiceProblem(400, "invalid-request", "Invalid request", Map.of("cardOnFile",
					"must be true when there are fees and no deposit: a fee is charged to the card on file")));
		this.mvc
			.perform(post(PAGE).param("deposit", "0")
				.param("lateCancelHours", "24")
				.param("lateCancelFee", "40.00")
				.param("noShowFee", "0")
				.principal(signedIn("owner@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please check the fields marked below.")))
			.andExpect(content().string(containsString("id=\"cardOnFile-error\">Please tick this: with fees and no "
					+ "deposit, the fees are charged to the card kept on file.</p>")))
			.andExpect(content().string(containsString("value=\"40.00\"")));
	}

	@Test
	void anUnreadableAmountIsRefusedHereWithoutCallingTheService() throws Exception {
		member("owner@clinic.example", StaffRole.OWNER);
		this.mvc
			.perform(post(PAGE).param("deposit", "fifty")
				.param("lateCancelHours", "48")
				.param("lateCancelFee", "0")
				.param("noShowFee", "0")
				.principal(signedIn("owner@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"deposit-error\">Please enter an amount such as 50.00.")));
		verify(this.services, never()).changeCancellationPolicy(any(), anyString(), anyMap());
	}

	@Test
	void theFrontDeskReadsItWithoutAFormAndCannotPost() throws Exception {
		member("desk@clinic.example", StaffRole.FRONT_DESK);
		this.mvc.perform(get(PAGE).principal(signedIn("desk@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Deposit $50.00, charged at booking.")))
			.andExpect(content().string(containsString("Only owners change the chain-wide policy.")))
			.andExpect(content().string(not(containsString("id=\"policy-form\""))))
			.andExpect(content().string(not(containsString("/policies/microneedling\">Walnut Creek"))));
		this.mvc
			.perform(post(PAGE).param("deposit", "0")
				.param("lateCancelHours", "24")
				.param("lateCancelFee", "0")
				.param("noShowFee", "0")
				.principal(signedIn("desk@clinic.example")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Your account does not give access to this page.")));
		verify(this.services, never()).changeCancellationPolicy(any(), anyString(), anyMap());
	}

	@Test
	void aManagerKeepsTheLocationsOwnPolicy() throws Exception {
		member("manager@clinic.example", StaffRole.MANAGER);
		String page = "/staff/catalog/locations/walnut-creek/policies/microneedling";
		given(this.services.locationCancellationPolicy("walnut-creek", "microneedling")).willReturn(Optional.empty());
		this.mvc.perform(get(page).principal(signedIn("manager@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no policy of its own")))
			.andExpect(content().string(containsString("Chain-wide, version 2:")))
			.andExpect(content().string(containsString("action=\"" + page + "\"")))
			.andExpect(content().string(containsString("value=\"50.00\"")));
		this.mvc
			.perform(post(page).param("deposit", "25")
				.param("lateCancelHours", "24")
				.param("lateCancelFee", "0")
				.param("noShowFee", "0")
				.principal(signedIn("manager@clinic.example")))
			.andExpect(redirectedUrl(page));
		verify(this.services).changeCancellationPolicy(eq("walnut-creek"), eq("microneedling"), anyMap());
	}

	@Test
	void aFrontDeskMemberCannotOpenALocationsPolicy() throws Exception {
		member("desk@clinic.example", StaffRole.FRONT_DESK);
		this.mvc
			.perform(get("/staff/catalog/locations/walnut-creek/policies/microneedling")
				.principal(signedIn("desk@clinic.example")))
			.andExpect(status().isForbidden());
	}

	private static Map<String, Object> terms(long deposit, boolean cardOnFile, String window, long lateCancelFee,
			long noShowFee) {
		return Map.of("currency", "USD", "deposit", deposit, "cardOnFile", cardOnFile, "lateCancelWindow", window,
				"lateCancelFee", lateCancelFee, "noShowFee", noShowFee);
	}

	private void member(String email, StaffRole role) {
		given(this.accounts.byEmail(email)).willReturn(Optional
			.of(new StaffAccount(email, "Member", "{noop}x", Set.of(role), Set.of("walnut-creek"), true, 0, null)));
	}

	private static TestingAuthenticationToken signedIn(String email) {
		return new TestingAuthenticationToken(email, null, "ROLE_STAFF");
	}

}
