package dev.medspa.gateway.pages;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.IntakeForms;
import dev.medspa.gateway.services.IntakeStandIn;
import dev.medspa.gateway.services.Services;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client's forms page in a web slice, with the gateway's real calls to a loopback
 * stand-in of intake-service: the booking and every form due with its questions, the
 * answers sent as the API's JSON with the browser's User-Agent, the service's refusals
 * next to their fields with what was typed, a form updated meanwhile shown again in its
 * current version, and a link that opens nothing said plainly. No security chain (the
 * gateway's CSRF and public-page rules are tested with the whole context).
 */
@WebMvcTest(IntakeFormPages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ IntakeForms.class, IntakeFormPagesSliceTest.StandIn.class })
class IntakeFormPagesSliceTest {

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

	private static final TreatmentState TREATMENT = new TreatmentState(new TreatmentId("microneedling"),
			"microneedling", "Micro-needling", "Micro-needling", "Collagen induction", Duration.ofMinutes(45),
			Duration.ofMinutes(20), Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING",
			null, null, List.of(), true, 1, null);

	private static final LocationState WALNUT_CREEK = new LocationState(new LocationId("walnut-creek"), "walnut-creek",
			"Walnut Creek", new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"),
			"+1 925 555 0100", "America/Los_Angeles", List.of(), List.of(new TreatmentId("microneedling")), true, 1,
			List.of());

	private static final String INTAKE = "/api/intake/link-token";

	private static final String SUBMIT = "/api/intake/link-token/forms/microneedling-health";

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
	void aBookingWithTwoFormsDue() {
		this.intake.reset();
		org.mockito.BDDMockito.given(this.catalog.treatment("microneedling")).willReturn(Optional.of(TREATMENT));
		org.mockito.BDDMockito.given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		this.intake.answer("GET", INTAKE, 200, intake("DUE", health(1, false), consent(false)));
	}

	@Test
	void theBookingAndEachFormDueAreShownWithTheirQuestions() throws Exception {
		this.mvc.perform(get("/forms/link-token"))
			.andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(content().string(containsString("Micro-needling")))
			.andExpect(content().string(containsString("Tuesday, January 12, 2027 at 9:00 AM PST")))
			.andExpect(content().string(containsString("Walnut Creek, ")))
			.andExpect(content().string(containsString("Please fill in these 2 forms before your visit")))
			// the health questionnaire: yes/no as two radios, a short choice as radios, a
			// long one as a list, free text, a date, required marked, help said
			.andExpect(content().string(containsString("action=\"/forms/link-token/microneedling-health\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"1\"")))
			.andExpect(content()
				.string(matchesPattern("(?s).*<input type=\"radio\" name=\"answers.isotretinoin\" value=\"yes\".*")))
			.andExpect(content()
				.string(matchesPattern("(?s).*<input type=\"radio\" name=\"answers.isotretinoin\" value=\"no\".*")))
			.andExpect(content().string(containsString("Have you taken isotretinoin in the last 6 months?")))
			.andExpect(content().string(containsString("(required)")))
			.andExpect(content().string(containsString("Also known as Accutane.")))
			.andExpect(
					content().string(matchesPattern("(?s).*type=\"radio\" name=\"answers.skin\"\\s+value=\"Dry\".*")))
			.andExpect(content().string(matchesPattern("(?s).*<select id=\"[^\"]+\" name=\"answers.country\".*")))
			.andExpect(content().string(matchesPattern("(?s).*<textarea id=\"[^\"]+\" name=\"answers.notes\".*")))
			.andExpect(
					content().string(matchesPattern("(?s).*type=\"date\" id=\"[^\"]+\" name=\"answers.lastPeel\".*")))
			.andExpect(content().string(containsString("Type your full name to sign")))
			// the consent form: its intro paragraphs and the agreement
			.andExpect(content().string(containsString("Micro-needling makes many tiny punctures in the skin.")))
			.andExpect(content().string(containsString("Redness for a few days is usual.")))
			.andExpect(content().string(containsString("Yes, I agree")))
			.andExpect(content().string(containsString("action=\"/forms/link-token/microneedling-consent\"")));
	}

	@Test
	void theAnswersAreSentAsTheApisJsonWithTheBrowsersUserAgent() throws Exception {
		this.intake.answer("POST", SUBMIT, 201, Map.of("status", "DUE", "formsDue", 1));

		this.mvc
			.perform(post("/forms/link-token/microneedling-health").header("User-Agent", "Mozilla/5.0 (Test browser)")
				.param("version", "1")
				.param("answers.isotretinoin", "no")
				.param("answers.skin", "Dry")
				.param("answers.notes", "  ")
				.param("answers.lastPeel", "2026-10-01")
				.param("signedName", " Ana Gomez "))
			.andExpect(redirectedUrl("/forms/link-token"))
			.andExpect(flash().attribute("done", "Thank you, your answers are saved."));
		this.mvc.perform(get("/forms/link-token").flashAttr("done", "Thank you, your answers are saved."))
			.andExpect(content().string(containsString("id=\"done\">Thank you, your answers are saved.<")));

		List<IntakeStandIn.Received> sent = this.intake.received("POST", SUBMIT);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).headers()).containsEntry("user-agent", "Mozilla/5.0 (Test browser)")
			.containsEntry("content-type", "application/json")
			.containsKey("x-forwarded-for");
		assertThat(sent.get(0).json()).isEqualTo(Map.of("version", 1, "answers",
				Map.of("isotretinoin", "no", "skin", "Dry", "lastPeel", "2026-10-01"), "signedName", "Ana Gomez"));
	}

	@Test
	void aDoneFormShowsItsTimeAndTheOthersStayToFillIn() throws Exception {
		this.intake.answer("GET", INTAKE, 200, intake("DUE", health(1, true), consent(false)));
		this.mvc.perform(get("/forms/link-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Done on Tuesday, December 1, 2026 at 10:15 AM PST")))
			.andExpect(content().string(not(containsString("action=\"/forms/link-token/microneedling-health\""))))
			.andExpect(content().string(containsString("action=\"/forms/link-token/microneedling-consent\"")))
			.andExpect(content().string(containsString("Please fill in this form before your visit.")));
	}

	@Test
	void whenAllAreDoneInReviewTheClientIsThankedWithoutBeingToldWhichAnswer() throws Exception {
		this.intake.answer("GET", INTAKE, 200, intake("NEEDS_REVIEW", health(1, true), consent(true)));
		this.mvc.perform(get("/forms/link-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you, all your forms are done")))
			.andExpect(content().string(containsString("Your practitioner may look at your answers before the visit.")))
			.andExpect(content().string(not(containsString("<form"))))
			.andExpect(content().string(not(containsString("isotretinoin"))));

		this.intake.answer("GET", INTAKE, 200, intake("COMPLETE", health(1, true), consent(true)));
		this.mvc.perform(get("/forms/link-token"))
			.andExpect(content().string(containsString("Thank you, all your forms are done")))
			.andExpect(content().string(not(containsString("Your practitioner may look"))));
	}

	@Test
	void aRefusalIsSaidNextToEachFieldItNamesKeepingWhatWasTyped() throws Exception {
		this.intake.answer("POST", SUBMIT, 422, IntakeStandIn.problem(422, "invalid-request",
				Map.of("answers.isotretinoin", "must be answered", "signedName", "must be your full name")));

		this.mvc
			.perform(post("/forms/link-token/microneedling-health").param("version", "1")
				.param("answers.notes", "Sensitive around the eyes")
				.param("answers.skin", "Oily")
				.param("signedName", "A"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please check the answers marked below.")))
			.andExpect(content().string(allOf(containsString("id=\"form-microneedling-health-isotretinoin-error\""),
					containsString("This answer must be answered"))))
			.andExpect(content().string(allOf(containsString("id=\"form-microneedling-health-signed-name-error\""),
					containsString("Your name must be your full name"))))
			.andExpect(content().string(containsString(">Sensitive around the eyes</textarea>")))
			.andExpect(content().string(matchesPattern("(?s).*value=\"Oily\"[^>]*checked=\"checked\".*")))
			.andExpect(content().string(matchesPattern(
					"(?s).*name=\"signedName\" id=\"form-microneedling-health-signed-name\" value=\"A\".*")))
			// the other form is not touched by the refusal
			.andExpect(content().string(not(containsString("id=\"form-microneedling-consent-signed-name-error\""))));
	}

	@Test
	void aFormUpdatedMeanwhileIsShownAgainInItsCurrentVersionWithTheAnswersKept() throws Exception {
		this.intake.answer("POST", SUBMIT, 409, IntakeStandIn.problem(409, "form-version-changed", Map.of()));
		this.intake.answer("GET", INTAKE, 200, intake("DUE", health(2, false), consent(false)));

		this.mvc
			.perform(post("/forms/link-token/microneedling-health").param("version", "1")
				.param("answers.notes", "Sensitive around the eyes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"This form was updated since you opened it. " + "Please answer the current version.")))
			.andExpect(content().string(containsString("name=\"version\" value=\"2\"")))
			.andExpect(content().string(containsString(">Sensitive around the eyes</textarea>")));
	}

	@Test
	void closedFormsAndServiceFailuresAreSaidPlainly() throws Exception {
		this.intake.answer("POST", SUBMIT, 409, IntakeStandIn.problem(409, "intake-closed", Map.of()));
		this.mvc.perform(post("/forms/link-token/microneedling-health").param("version", "1"))
			.andExpect(redirectedUrl("/forms/link-token"))
			.andExpect(flash().attribute("problem", containsString("These forms are closed")));

		this.intake.answer("POST", SUBMIT, 500, IntakeStandIn.problem(500, "internal", Map.of()));
		this.mvc
			.perform(
					post("/forms/link-token/microneedling-health").param("version", "1").param("answers.notes", "kept"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Something went wrong on our side.")))
			.andExpect(content().string(containsString(">kept</textarea>")));
	}

	@Test
	void aLinkThatOpensNothingIsAPlainPage() throws Exception {
		this.mvc.perform(get("/forms/no-such-token"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link does not work.")));
		this.mvc.perform(post("/forms/no-such-token/microneedling-health").param("version", "1"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link does not work.")));
		assertThat(this.intake.received("POST", "/api/intake/no-such-token/forms/microneedling-health")).hasSize(1);
	}

	private static Map<String, Object> intake(String status, Map<String, Object>... forms) {
		return Map.of("bookingId", "b1", "locationId", "walnut-creek", "treatmentId", "microneedling", "start",
				"2027-01-12T17:00:00Z", "status", status, "forms", List.of(forms));
	}

	private static Map<String, Object> health(int version, boolean done) {
		Map<String, Object> form = new java.util.LinkedHashMap<>();
		form.put("templateId", "microneedling-health");
		form.put("kind", "HEALTH");
		form.put("title", "Health questions before micro-needling");
		form.put("version", version);
		form.put("contentHash", "ab12");
		form.put("intro", List.of("A few questions so that your practitioner knows your skin."));
		form.put("questions",
				List.of(question("isotretinoin", "YES_NO", "Have you taken isotretinoin in the last 6 months?",
						"Also known as Accutane.", true, List.of()),
						question("skin", "CHOICE", "Your skin type", null, true, List.of("Dry", "Oily", "Combination")),
						question("country", "CHOICE", "Where did you grow up?", null, false,
								List.of("US", "Canada", "Mexico", "UK", "Ireland", "Elsewhere")),
						question("notes", "TEXT", "Anything else we should know?", null, false, List.of()),
						question("lastPeel", "DATE", "Date of your last chemical peel", null, false, List.of())));
		form.put("signatureRequired", true);
		form.put("done", done);
		form.put("submittedAt", done ? "2026-12-01T18:15:00Z" : null);
		return form;
	}

	private static Map<String, Object> consent(boolean done) {
		Map<String, Object> form = new java.util.LinkedHashMap<>();
		form.put("templateId", "microneedling-consent");
		form.put("kind", "CONSENT");
		form.put("title", "Consent to micro-needling");
		form.put("version", 3);
		form.put("contentHash", "cd34");
		form.put("intro",
				List.of("Micro-needling makes many tiny punctures in the skin.", "Redness for a few days is usual."));
		form.put("questions",
				List.of(question("agree", "YES_NO", "I understand and agree to the treatment", null, true, List.of())));
		form.put("signatureRequired", true);
		form.put("done", done);
		form.put("submittedAt", done ? "2026-12-01T18:20:00Z" : null);
		return form;
	}

	private static Map<String, Object> question(String id, String kind, String label, String help, boolean required,
			List<String> choices) {
		Map<String, Object> question = new java.util.LinkedHashMap<>();
		question.put("id", id);
		question.put("kind", kind);
		question.put("label", label);
		question.put("help", help);
		question.put("required", required);
		question.put("choices", choices);
		return question;
	}

}
