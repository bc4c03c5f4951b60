package dev.medspa.gateway.pages;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.IntakeForms;
import dev.medspa.gateway.services.IntakeStandIn;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The form template pages for staff in a web slice, with the gateway's real calls to a
 * loopback stand-in of intake-service: any member reads the templates and their versions
 * with their own token; managers and owners get the publish form prefilled from the
 * current version, and what they send becomes the API's version, its answer said on the
 * page and its refusals next to the fields; the front desk gets neither the form nor the
 * call.
 */
@WebMvcTest(FormTemplatePages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ IntakeForms.class, FormTemplatePagesSliceTest.StandIn.class })
class FormTemplatePagesSliceTest {

	@TestConfiguration
	static class StandIn {

		@Bean(destroyMethod = "close")
		IntakeStandIn intakeStandIn() throws IOException {
			return new IntakeStandIn();
		}

		@Bean
		Services services(IntakeStandIn standIn, AccessTokens tokens, StaffAccounts accounts) {
			return standIn.services(tokens, accounts);
		}

	}

	private static final TreatmentState MICRONEEDLING = treatment("microneedling", "Micro-needling");

	private static final TreatmentState PEEL = treatment("chemical-peel", "Chemical peel");

	private static final String TEMPLATE = "/api/staff/forms/microneedling-health";

	@Autowired
	MockMvc mvc;

	@Autowired
	IntakeStandIn intake;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	AccessTokens tokens;

	@MockitoBean
	StaffAccounts accounts;

	@BeforeEach
	void oneTemplateWithTwoVersions() {
		this.intake.reset();
		given(this.catalog.treatments()).willReturn(List.of(PEEL, MICRONEEDLING));
		given(this.tokens.issue(any())).willReturn("member-token");
		member("desk@clinic.example", StaffRole.FRONT_DESK);
		member("manager@clinic.example", StaffRole.MANAGER);
		this.intake.answer("GET", "/api/staff/forms", 200,
				List.of(Map.of("templateId", "microneedling-health", "kind", "HEALTH", "title",
						"Health questions before micro-needling", "treatmentIds", List.of("microneedling"),
						"currentVersion", 2, "publishedAt", "2026-11-20T17:30:00Z")));
		this.intake.answer("GET", TEMPLATE, 200, Map.of("templateId", "microneedling-health", "kind", "HEALTH",
				"treatmentIds", List.of("microneedling"), "versions",
				List.of(version(2, "Health questions before micro-needling", "hash-two", "2026-11-20T17:30:00Z",
						"owner@clinic.example"),
						version(1, "Health questions", "hash-one", "2026-06-01T16:00:00Z", "manager@clinic.example"))));
	}

	@AfterEach
	void signOut() {
		TestSecurityContextHolder.clearContext();
	}

	@Test
	void anyMemberReadsTheTemplatesWithTheirOwnToken() throws Exception {
		this.mvc.perform(get("/staff/forms").principal(signedIn("desk@clinic.example")).with(as("desk@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/staff/forms/microneedling-health\"")))
			.andExpect(content().string(containsString("Health questions before micro-needling")))
			.andExpect(content().string(containsString("Health questionnaire")))
			.andExpect(content().string(containsString("<td>Micro-needling</td>")))
			.andExpect(content().string(containsString("<td>2</td>")))
			.andExpect(content().string(containsString("Nov 20, 2026, 5:30 PM UTC")))
			.andExpect(content().string(not(containsString("id=\"new-template\""))));
		assertThat(this.intake.received("GET", "/api/staff/forms").get(0).headers()).containsEntry("authorization",
				"Bearer member-token");
	}

	@Test
	void theFrontDeskReadsTheCurrentVersionAndTheOlderOnesWithoutThePublishForm() throws Exception {
		this.mvc
			.perform(get("/staff/forms/microneedling-health").principal(signedIn("desk@clinic.example"))
				.with(as("desk@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Current version: 2")))
			.andExpect(content().string(containsString("A few questions so that your practitioner knows your skin.")))
			.andExpect(content().string(containsString("Tell us if you are pregnant.")))
			.andExpect(content().string(containsString("Have you taken isotretinoin in the last 6 months?")))
			.andExpect(content().string(containsString("Flagged for review when answered: yes")))
			.andExpect(content().string(allOf(containsString("id=\"older-versions\""), containsString("hash-one"),
					containsString("Jun 1, 2026, 4:00 PM UTC"), containsString("manager@clinic.example"))))
			.andExpect(content().string(not(containsString("id=\"publish-form\""))));
	}

	@Test
	void aManagerGetsThePublishFormPrefilledWithRowsToAdd() throws Exception {
		this.mvc
			.perform(get("/staff/forms/microneedling-health").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"publish-form\"")))
			.andExpect(
					content().string(containsString("name=\"title\" value=\"Health questions before micro-needling\"")))
			.andExpect(content().string(containsString(
					"A few questions so that your practitioner knows your skin.\n\nTell us if you are pregnant.</textarea>")))
			.andExpect(content().string(containsString("name=\"validForDays\" min=\"1\" value=\"180\"")))
			.andExpect(content()
				.string(matchesPattern("(?s).*name=\"questions\\[0]\\.id\" id=\"q0-id\" value=\"isotretinoin\".*")))
			.andExpect(content().string(matchesPattern(
					"(?s).*name=\"questions\\[1]\\.choices\" id=\"q1-choices\" value=\"Dry, Oily, Combination\".*")))
			.andExpect(content()
				.string(matchesPattern("(?s).*name=\"questions\\[0]\\.flagWhen\" id=\"q0-flagWhen\" value=\"yes\".*")))
			.andExpect(content().string(matchesPattern(
					"(?s).*name=\"questions\\[0]\\.required\" id=\"q0-required\" value=\"true\"\\s+aria-label=\"Question 1 required\" checked=\"checked\".*")))
			.andExpect(content().string(containsString("id=\"question-row-4\"")))
			.andExpect(content().string(not(containsString("id=\"question-row-5\""))))
			.andExpect(content().string(matchesPattern(
					"(?s).*value=\"microneedling\" id=\"treatment-microneedling\" checked=\"checked\".*")));
	}

	@Test
	void aPublishedVersionIsSentAsTheApisJsonAndSaid() throws Exception {
		this.intake.answer("PUT", TEMPLATE, 201, Map.of("version", 3, "title", "Health questions"));

		this.mvc
			.perform(post("/staff/forms/microneedling-health").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example"))
				.param("treatmentIds", "microneedling", "chemical-peel")
				.param("moreTreatmentIds", "dermaplaning, ")
				.param("title", " Health questions ")
				.param("intro", "First paragraph,\nstill the first.\r\n\r\n  Second paragraph.\n\n\n")
				.param("validForDays", "365")
				.param("questions[0].id", "isotretinoin")
				.param("questions[0].kind", "YES_NO")
				.param("questions[0].label", "Isotretinoin in the last 6 months?")
				.param("questions[0].help", "")
				.param("questions[0].required", "true")
				.param("questions[0].choices", "")
				.param("questions[0].flagWhen", "yes")
				.param("questions[1].id", "")
				.param("questions[1].kind", "YES_NO")
				.param("questions[1].label", "")
				.param("questions[2].id", "skin")
				.param("questions[2].kind", "CHOICE")
				.param("questions[2].label", "Skin type")
				.param("questions[2].help", "As you see it")
				.param("questions[2].choices", "Dry, Oily ,Combination")
				.param("questions[2].flagWhen", ""))
			.andExpect(redirectedUrl("/staff/forms/microneedling-health"))
			.andExpect(flash().attribute("done", "Version 3 published."));
		this.mvc
			.perform(get("/staff/forms/microneedling-health").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example"))
				.flashAttr("done", "Version 3 published."))
			.andExpect(content().string(containsString("role=\"status\" id=\"done\">Version 3 published.<")));

		List<IntakeStandIn.Received> sent = this.intake.received("PUT", TEMPLATE);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).headers()).containsEntry("authorization", "Bearer member-token");
		Map<String, Object> isotretinoin = new LinkedHashMap<>();
		isotretinoin.put("id", "isotretinoin");
		isotretinoin.put("kind", "YES_NO");
		isotretinoin.put("label", "Isotretinoin in the last 6 months?");
		isotretinoin.put("help", null);
		isotretinoin.put("required", true);
		isotretinoin.put("choices", List.of());
		isotretinoin.put("flagWhen", List.of("yes"));
		assertThat(sent.get(0).json()).isEqualTo(Map.of("kind", "HEALTH", "treatmentIds",
				List.of("microneedling", "chemical-peel", "dermaplaning"), "title", "Health questions", "intro",
				List.of("First paragraph, still the first.", "Second paragraph."), "questions",
				List.of(isotretinoin,
						Map.of("id", "skin", "kind", "CHOICE", "label", "Skin type", "help", "As you see it",
								"required", false, "choices", List.of("Dry", "Oily", "Combination"), "flagWhen",
								List.of())),
				"validForDays", 365));
	}

	@Test
	void theSameContentAgainChangesNothingAndSaysSo() throws Exception {
		this.intake.answer("PUT", TEMPLATE, 200, Map.of("version", 2));
		this.mvc
			.perform(post("/staff/forms/microneedling-health").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example"))
				.param("title", "Health questions before micro-needling")
				.param("validForDays", "180"))
			.andExpect(redirectedUrl("/staff/forms/microneedling-health"))
			.andExpect(flash().attribute("done", "Nothing changed: version 2 is current."));
	}

	@Test
	void refusalsAreSaidNextToTheirFieldsKeepingWhatWasTyped() throws Exception {
		this.intake.answer("PUT", TEMPLATE, 422, IntakeStandIn.problem(422, "invalid-request",
				Map.of("title", "must not be blank", "questions[1].choices", "must list at least two choices")));

		this.mvc
			.perform(post("/staff/forms/microneedling-health").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example"))
				.param("title", "")
				.param("validForDays", "180")
				.param("questions[0].id", "isotretinoin")
				.param("questions[0].label", "Isotretinoin?")
				.param("questions[3].id", "skin")
				.param("questions[3].kind", "CHOICE")
				.param("questions[3].label", "Skin type")
				.param("questions[3].choices", "Dry"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please check the fields marked below. Nothing was published.")))
			.andExpect(content()
				.string(allOf(containsString("id=\"title-error\""), containsString("Title must not be blank"))))
			// the second question sent is the second row shown
			.andExpect(content().string(allOf(containsString("id=\"q1-choices-error\""),
					containsString("Choices must list at least two choices"))))
			.andExpect(content()
				.string(matchesPattern("(?s).*name=\"questions\\[1]\\.label\" id=\"q1-label\" value=\"Skin type\".*")));

		this.intake.answer("PUT", TEMPLATE, 403, IntakeStandIn.problem(403, "forbidden", Map.of()));
		this.mvc
			.perform(post("/staff/forms/microneedling-health").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example"))
				.param("title", "Health questions")
				.param("validForDays", "180"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your account may not publish forms")));
	}

	@Test
	void anUnreadableNumberOfDaysIsSaidWithoutAskingTheService() throws Exception {
		this.mvc
			.perform(post("/staff/forms/microneedling-health").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example"))
				.param("title", "Health questions")
				.param("validForDays", "half a year"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Valid for must be a whole number of days")));
		assertThat(this.intake.received("PUT", TEMPLATE)).isEmpty();
	}

	@Test
	void theFrontDeskCannotPublishNorOpenTheNewForm() throws Exception {
		this.mvc
			.perform(post("/staff/forms/microneedling-health").principal(signedIn("desk@clinic.example"))
				.with(as("desk@clinic.example"))
				.param("title", "Changed")
				.param("validForDays", "180"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/staff/forms/new").principal(signedIn("desk@clinic.example")).with(as("desk@clinic.example")))
			.andExpect(status().isForbidden());
		assertThat(this.intake.received("PUT", TEMPLATE)).isEmpty();
	}

	@Test
	void aManagerCreatesATemplate() throws Exception {
		this.mvc
			.perform(get("/staff/forms/new").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"templateId\"")))
			.andExpect(content().string(containsString("value=\"chemical-peel\" id=\"treatment-chemical-peel\"")))
			.andExpect(content().string(containsString("<option value=\"CONSENT\">Consent form</option>")))
			.andExpect(content().string(containsString("id=\"question-row-2\"")));

		this.intake.answer("PUT", "/api/staff/forms/peel-consent", 201, Map.of("version", 1));
		this.mvc
			.perform(post("/staff/forms/new").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example"))
				.param("templateId", "peel-consent")
				.param("kind", "CONSENT")
				.param("treatmentIds", "chemical-peel")
				.param("title", "Consent to a chemical peel")
				.param("intro", "A peel removes the outer layer of skin.")
				.param("validForDays", "365")
				.param("questions[0].id", "agree")
				.param("questions[0].kind", "YES_NO")
				.param("questions[0].label", "I agree")
				.param("questions[0].required", "true")
				.param("questions[0].flagWhen", "no"))
			.andExpect(redirectedUrl("/staff/forms/peel-consent"))
			.andExpect(flash().attribute("done", "Version 1 published."));
		Map<String, Object> sent = this.intake.received("PUT", "/api/staff/forms/peel-consent").get(0).json();
		assertThat(sent).containsEntry("kind", "CONSENT")
			.containsEntry("treatmentIds", List.of("chemical-peel"))
			.containsEntry("intro", List.of("A peel removes the outer layer of skin."))
			.containsEntry("validForDays", 365);

		this.mvc
			.perform(post("/staff/forms/new").principal(signedIn("manager@clinic.example"))
				.with(as("manager@clinic.example"))
				.param("templateId", "no spaces please")
				.param("kind", "HEALTH")
				.param("title", "Kept")
				.param("validForDays", "180"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Form id must be letters, digits and dashes")))
			.andExpect(content().string(containsString("value=\"Kept\"")));
	}

	@Test
	void anUnknownTemplateIsAPlainNotFound() throws Exception {
		this.mvc
			.perform(get("/staff/forms/nothing-here").principal(signedIn("desk@clinic.example"))
				.with(as("desk@clinic.example")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("There is no form template of this name")));
	}

	private void member(String email, StaffRole role) {
		given(this.accounts.byEmail(email)).willReturn(Optional
			.of(new StaffAccount(email, "Member", "{noop}x", Set.of(role), Set.of("walnut-creek"), true, 0, null)));
	}

	private static TestingAuthenticationToken signedIn(String email) {
		return new TestingAuthenticationToken(email, null, "ROLE_STAFF");
	}

	/**
	 * The member in the security context, where the token relay finds them (the slice has
	 * no security filters to put them there).
	 */
	private static RequestPostProcessor as(String email) {
		return request -> {
			TestSecurityContextHolder.setAuthentication(signedIn(email));
			return request;
		};
	}

	private static Map<String, Object> version(int number, String title, String hash, String publishedAt, String by) {
		Map<String, Object> version = new LinkedHashMap<>();
		version.put("version", number);
		version.put("title", title);
		version.put("contentHash", hash);
		version.put("publishedAt", publishedAt);
		version.put("publishedBy", by);
		version.put("validForDays", 180);
		version.put("intro",
				List.of("A few questions so that your practitioner knows your skin.", "Tell us if you are pregnant."));
		version.put("questions",
				List.of(question("isotretinoin", "YES_NO", "Have you taken isotretinoin in the last 6 months?", null,
						true, List.of(), List.of("yes")),
						question("skin", "CHOICE", "Your skin type", "As you see it", true,
								List.of("Dry", "Oily", "Combination"), List.of())));
		return version;
	}

	private static Map<String, Object> question(String id, String kind, String label, String help, boolean required,
			List<String> choices, List<String> flagWhen) {
		Map<String, Object> question = new LinkedHashMap<>();
		question.put("id", id);
		question.put("kind", kind);
		question.put("label", label);
		question.put("help", help);
		question.put("required", required);
		question.put("choices", choices);
		question.put("flagWhen", flagWhen);
		return question;
	}

	private static TreatmentState treatment(String id, String name) {
		return new TreatmentState(new TreatmentId(id), id, name, name, "About it", Duration.ofMinutes(45),
				Duration.ofMinutes(20), Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT",
				id.toUpperCase(), null, null, List.of(), true, 1, null);
	}

}
