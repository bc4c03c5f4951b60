package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.identity.PageSecurityForTests;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.IntakeForms;
import dev.medspa.gateway.services.IntakeStandIn;
import dev.medspa.support.security.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The forms pages under the gateway's real security chains, with a loopback stand-in of
 * intake-service: the client's link opens without signing in and its forms carry the CSRF
 * token, without which nothing is sent; the staff's form pages ask for sign-in, and a
 * signed-in member's calls carry a token the gateway signed.
 */
@WebMvcTest({ IntakeFormPages.class, FormTemplatePages.class })
@Import({ IntakeForms.class, IntakeFormPagesSliceTest.StandIn.class, PageSecurityForTests.class })
class IntakeFormSecurityTest {

	@TempDir
	static Path keys;

	@DynamicPropertySource
	static void keyFile(DynamicPropertyRegistry registry) {
		registry.add("medspa.identity.signing-key-file", () -> keys.resolve("signing-key.json").toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	IntakeStandIn intake;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	StaffAccounts accounts;

	@BeforeEach
	void aBookingWithAFormDue() {
		this.intake.reset();
		given(this.catalog.treatment("microneedling"))
			.willReturn(Optional.of(new TreatmentState(new TreatmentId("microneedling"), "microneedling",
					"Micro-needling", "Micro-needling", "Collagen", Duration.ofMinutes(45), Duration.ofMinutes(20),
					Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING", null, null,
					List.of(), true, 1, null)));
		given(this.catalog.location("walnut-creek"))
			.willReturn(Optional.of(new LocationState(new LocationId("walnut-creek"), "walnut-creek", "Walnut Creek",
					new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"), "+1 925 555 0100",
					"America/Los_Angeles", List.of(), List.of(new TreatmentId("microneedling")), true, 1, List.of())));
		this.intake.answer("GET", "/api/intake/link-token", 200, Map.of("bookingId", "b1", "locationId", "walnut-creek",
				"treatmentId", "microneedling", "start", "2027-01-12T17:00:00Z", "status", "DUE", "forms",
				List.of(Map.of("templateId", "microneedling-consent", "kind", "CONSENT", "title", "Consent", "version",
						1, "intro", List.of("About the treatment."), "questions", List.of(Map.of("id", "agree", "kind",
								"YES_NO", "label", "I agree", "required", true, "choices", List.of())),
						"signatureRequired", true, "done", false))));
		this.intake.answer("POST", "/api/intake/link-token/forms/microneedling-consent", 201,
				Map.of("status", "COMPLETE", "formsDue", 0));
	}

	@Test
	void theClientsLinkOpensWithoutSigningInAndItsFormsNeedTheCsrfToken() throws Exception {
		this.mvc.perform(get("/forms/link-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")));

		this.mvc
			.perform(post("/forms/link-token/microneedling-consent").param("version", "1")
				.param("answers.agree", "yes")
				.param("signedName", "Ana Gomez"))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(200));
		assertThat(this.intake.received("POST", "/api/intake/link-token/forms/microneedling-consent")).isEmpty();

		this.mvc
			.perform(post("/forms/link-token/microneedling-consent").with(csrf())
				.param("version", "1")
				.param("answers.agree", "yes")
				.param("signedName", "Ana Gomez"))
			.andExpect(redirectedUrl("/forms/link-token"));
		assertThat(this.intake.received("POST", "/api/intake/link-token/forms/microneedling-consent")).hasSize(1);
	}

	@Test
	void theStaffsFormPagesAskForSignInAndRelayTheMembersToken() throws Exception {
		this.mvc.perform(get("/staff/forms")).andExpect(redirectedUrl("/staff/sign-in"));
		assertThat(this.intake.received()).isEmpty();

		given(this.accounts.byEmail("manager@clinic.example"))
			.willReturn(Optional.of(new StaffAccount("manager@clinic.example", "Manager", "{noop}x",
					Set.of(StaffRole.MANAGER), Set.of("walnut-creek"), true, 0, null)));
		this.intake.answer("GET", "/api/staff/forms", 200, List.of());
		this.mvc.perform(get("/staff/forms").with(user("manager@clinic.example").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No forms have been published yet.")))
			.andExpect(content().string(containsString("href=\"/staff/forms/new\"")));
		assertThat(this.intake.received("GET", "/api/staff/forms").get(0).headers().get("authorization"))
			.startsWith("Bearer ey");
	}

}
