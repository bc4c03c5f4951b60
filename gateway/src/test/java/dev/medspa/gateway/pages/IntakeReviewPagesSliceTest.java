package dev.medspa.gateway.pages;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.routes.ServiceInstances;
import dev.medspa.gateway.services.IntakeReviews;
import dev.medspa.gateway.services.Services;
import dev.medspa.gateway.services.StandInInstances;
import dev.medspa.gateway.services.StandInService;
import dev.medspa.support.security.StaffRole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
 * A booking's intake review page in a web slice whose calls go over HTTP, through the
 * gateway's own client, to a loopback stand-in of intake-service's API: the answers with
 * the flagged ones standing out and the evidence of each signature, a clearance and a
 * decline sent with the right body and the member's token, the refusals said on the page,
 * and nobody but practitioners and managers of the location let in.
 */
@WebMvcTest(IntakeReviewPages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(IntakeReviewPagesSliceTest.OverHttp.class)
class IntakeReviewPagesSliceTest {

	static final String PAGE = "/staff/locations/walnut-creek/intake/b1";

	static final String API = "/api/staff/locations/walnut-creek/intake/b1";

	static class OverHttp {

		@Bean
		StandInInstances instances() {
			return new StandInInstances();
		}

		@Bean
		Services services(StandInInstances instances, AccessTokens tokens, StaffAccounts accounts) {
			return instances.services(tokens, accounts);
		}

		@Bean
		IntakeReviews intakeReviews(Services services) {
			return new IntakeReviews(services);
		}

	}

	private static final LocationState WALNUT_CREEK = new LocationState(new LocationId("walnut-creek"), "walnut-creek",
			"Walnut Creek", new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"),
			"+1 925 555 0100", "America/Los_Angeles", List.of(), List.of(), true, 1, List.of());

	private static final TreatmentState MICRONEEDLING = new TreatmentState(new TreatmentId("microneedling"),
			"microneedling", "Micro-needling", "Micro-needling", "Collagen induction", Duration.ofMinutes(45),
			Duration.ofMinutes(20), Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING",
			null, null, List.of(), true, 1, null);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	StandInInstances instances;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	StaffAccounts accounts;

	@MockitoBean
	AccessTokens tokens;

	private StandInService intake;

	@BeforeEach
	void intakeServiceAnswers() throws IOException {
		this.intake = new StandInService();
		this.instances.serve(ServiceInstances.INTAKE, this.intake);
		this.intake.answer("GET", API, 200, intake("NEEDS_REVIEW", "[]"));
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		given(this.catalog.treatment("microneedling")).willReturn(Optional.of(MICRONEEDLING));
		given(this.tokens.issue(any())).willAnswer(call -> "token-of-" + call.<StaffAccount>getArgument(0).email());
	}

	@AfterEach
	void stop() {
		this.intake.close();
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPractitionerOfTheLocationReadsTheAnswersFlagsAndEvidence() throws Exception {
		this.mvc.perform(as("sofia@clinic.example", StaffRole.PRACTITIONER, "walnut-creek", get(PAGE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Forms: Micro-needling")))
			.andExpect(content().string(containsString("Tuesday, January 12, 2027 at 9:00 AM PST")))
			.andExpect(content().string(containsString(">Needs review</span>")))
			.andExpect(content().string(containsString("Micro-needling health questions")))
			.andExpect(content().string(containsString("One answer is flagged for review.")))
			.andExpect(content().string(containsString("<tr class=\"flagged\">\n\t\t\t\t\t<td>Have you taken "
					+ "isotretinoin in the last six months?</td>\n\t\t\t\t\t<td><strong class=\"status flag\">Flagged"
					+ "</strong>\n\t\t\t\t\t\t<span>Yes</span></td>")))
			.andExpect(content().string(containsString(
					"<td>Are you pregnant?</td>\n\t\t\t\t\t<td>\n" + "\t\t\t\t\t\t<span>No</span></td>")))
			.andExpect(content().string(containsString("Submitted Sunday, January 10, 2027 at 12:14 PM PST")))
			.andExpect(content().string(containsString("<dd>Ana Gomez</dd>")))
			.andExpect(content().string(containsString("<code>9f86d081884c7d65</code>")))
			.andExpect(content().string(containsString("<dd>203.0.113.7</dd>")))
			.andExpect(content().string(containsString("<dd>Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0</dd>")))
			.andExpect(content().string(containsString("Consent to micro-needling")))
			.andExpect(content().string(containsString("Not reviewed yet.")))
			.andExpect(content().string(containsString("action=\"/staff/locations/walnut-creek/intake/b1/review\"")))
			.andExpect(content().string(containsString("<option value=\"CONSULTATION_FIRST\">A consultation first")))
			.andExpect(content().string(containsString("<option value=\"NOT_SUITABLE_NOW\">Not suitable now")))
			.andExpect(content().string(containsString("<option value=\"OTHER\">Another reason")));
		assertThat(this.intake.requests("GET", API)).singleElement()
			.satisfies(
					request -> assertThat(request.authorization()).isEqualTo("Bearer token-of-sofia@clinic.example"));
	}

	@Test
	void aManagerOfTheLocationReadsThemToo() throws Exception {
		this.mvc.perform(as("manager@clinic.example", StaffRole.MANAGER, "walnut-creek", get(PAGE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Micro-needling health questions")));
	}

	@Test
	void aClearedIntakeShowsItsReviewAndNoForm() throws Exception {
		this.intake.answer("GET", API, 200,
				intake("CLEARED",
						"[{\"decision\":\"CLEARED\",\"reason\":null,\"note\":\"Stopped in March; fine to treat\","
								+ "\"by\":\"sofia@clinic.example\",\"at\":\"2027-01-11T17:30:00Z\"}]"));
		this.mvc.perform(as("sofia@clinic.example", StaffRole.PRACTITIONER, "walnut-creek", get(PAGE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Cleared</span>")))
			.andExpect(content().string(containsString("<td>Stopped in March; fine to treat</td>")))
			.andExpect(content().string(containsString("Monday, January 11, 2027 at 9:30 AM PST")))
			.andExpect(content().string(containsString("Nothing to review")))
			.andExpect(content().string(not(containsString("id=\"clear-form\""))));
	}

	@Test
	void clearingSendsTheDecisionAndTheNote() throws Exception {
		this.intake.answer("POST", API + "/review", 200, "{\"status\":\"CLEARED\"}");
		this.mvc
			.perform(as("sofia@clinic.example", StaffRole.PRACTITIONER, "walnut-creek",
					post(PAGE + "/review").param("decision", "CLEARED")
						.param("reason", "OTHER")
						.param("note", " Stopped in March; fine to treat ")))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("done", "Cleared: the visit goes ahead."));
		assertThat(this.intake.requests("POST", API + "/review")).singleElement().satisfies(request -> {
			assertThat(request.authorization()).isEqualTo("Bearer token-of-sofia@clinic.example");
			assertThat(request.contentType()).startsWith("application/json");
			assertThat(JSON.readTree(request.body()))
				.isEqualTo(JSON.readTree("{\"decision\":\"CLEARED\",\"note\":\"Stopped in March; fine to treat\"}"));
		});
	}

	@Test
	void decliningSendsTheReasonCodeAndTheNote() throws Exception {
		this.intake.answer("POST", API + "/review", 200, "{\"status\":\"DECLINED\"}");
		this.mvc
			.perform(as("manager@clinic.example", StaffRole.MANAGER, "walnut-creek",
					post(PAGE + "/review").param("decision", "DECLINED")
						.param("reason", "CONSULTATION_FIRST")
						.param("note", "Isotretinoin within six months; see her first")))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("done", containsString("Declined. The clinic cancels the booking")));
		JsonNode sent = JSON.readTree(this.intake.requests("POST", API + "/review").get(0).body());
		assertThat(sent).isEqualTo(JSON.readTree("{\"decision\":\"DECLINED\",\"reason\":\"CONSULTATION_FIRST\","
				+ "\"note\":\"Isotretinoin within six months; see her first\"}"));
	}

	@Test
	void aDeclineWithoutAReasonIsSaidNextToTheReasonAndNothingIsSent() throws Exception {
		this.mvc
			.perform(as("sofia@clinic.example", StaffRole.PRACTITIONER, "walnut-creek",
					post(PAGE + "/review").param("decision", "DECLINED").param("note", "Not today")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<p class=\"field-error\" id=\"reason-error\">Choose why the treatment cannot go ahead.</p>")))
			.andExpect(content().string(containsString(">Not today</textarea>")));
		assertThat(this.intake.requests("POST", API + "/review")).isEmpty();
	}

	@Test
	void aReviewThatCameTooLateIsSaidNextToTheFormWithWhereTheAnswersStandNow() throws Exception {
		this.intake.refuse("POST", API + "/review", 409, "intake-not-in-review");
		this.intake.answer("GET", API, 200,
				intake("CLEARED",
						"[{\"decision\":\"CLEARED\",\"reason\":null,\"note\":\"ok\",\"by\":\"manager@clinic.example\","
								+ "\"at\":\"2027-01-11T17:30:00Z\"}]"));
		this.mvc
			.perform(as("sofia@clinic.example", StaffRole.PRACTITIONER, "walnut-creek",
					post(PAGE + "/review").param("decision", "DECLINED").param("reason", "OTHER")))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("id=\"review-problem\">These answers are not waiting for a " + "review (any more)")))
			.andExpect(content().string(containsString(">Cleared</span>")))
			.andExpect(content().string(containsString("Nothing to review")));
	}

	@Test
	void aFieldTheServiceRefusesIsSaidAtTheField() throws Exception {
		this.intake.refuse("POST", API + "/review", 422, "invalid-request", "note", "must not be longer than 1000");
		this.mvc
			.perform(as("sofia@clinic.example", StaffRole.PRACTITIONER, "walnut-creek",
					post(PAGE + "/review").param("decision", "DECLINED")
						.param("reason", "NOT_SUITABLE_NOW")
						.param("note", "A long note")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please check the fields marked below.")))
			.andExpect(content().string(containsString(
					"<p class=\"field-error\" id=\"note-error\">This must not be longer than 1000.</p>")))
			.andExpect(content().string(containsString("<option value=\"NOT_SUITABLE_NOW\" selected=\"selected\">")));
	}

	@Test
	void anOwnerWhoNeitherTreatsNorManagesThereIsRefusedWithoutAsking() throws Exception {
		this.mvc.perform(as("owner@clinic.example", StaffRole.OWNER, null, get(PAGE)))
			.andExpect(status().isForbidden())
			.andExpect(content()
				.string(containsString("Only practitioners and managers of this location can read health answers.")));
		this.mvc
			.perform(as("owner@clinic.example", StaffRole.OWNER, null,
					post(PAGE + "/review").param("decision", "CLEARED")))
			.andExpect(status().isForbidden());
		assertThat(this.intake.requests()).isEmpty();
	}

	@Test
	void theFrontDeskAndPractitionersOfOtherLocationsAreRefused() throws Exception {
		this.mvc.perform(as("desk@clinic.example", StaffRole.FRONT_DESK, "walnut-creek", get(PAGE)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only practitioners and managers of this location")));
		this.mvc.perform(as("priya@clinic.example", StaffRole.PRACTITIONER, "san-ramon", get(PAGE)))
			.andExpect(status().isForbidden());
		assertThat(this.intake.requests()).isEmpty();
	}

	@Test
	void intakeServicesOwnRefusalIsTheSamePlainPage() throws Exception {
		this.intake.refuse("GET", API, 403, "forbidden");
		this.mvc.perform(as("sofia@clinic.example", StaffRole.PRACTITIONER, "walnut-creek", get(PAGE)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only practitioners and managers of this location")));
	}

	@Test
	void aBookingWithoutFormsThereIsNotFound() throws Exception {
		this.mvc
			.perform(as("sofia@clinic.example", StaffRole.PRACTITIONER, "walnut-creek",
					get("/staff/locations/walnut-creek/intake/b2")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This booking has no forms at this location.")));
	}

	@Test
	void whenIntakeServiceDoesNotAnswerThePageSaysSo() throws Exception {
		this.intake.close();
		this.mvc.perform(as("sofia@clinic.example", StaffRole.PRACTITIONER, "walnut-creek", get(PAGE)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("The forms service is not answering just now")));
	}

	/**
	 * The request as a signed-in member with one role, of one location (none when null).
	 */
	private MockHttpServletRequestBuilder as(String email, StaffRole role, String location,
			MockHttpServletRequestBuilder request) {
		given(this.accounts.byEmail(email)).willReturn(Optional.of(new StaffAccount(email, "Member", "{noop}x",
				Set.of(role), location == null ? Set.of() : Set.of(location), true, 0, null)));
		TestingAuthenticationToken member = new TestingAuthenticationToken(email, null, role.authority());
		// the page relays the member's token, found as the security filters would have
		// left it
		SecurityContextHolder.getContext().setAuthentication(member);
		return request.principal(member);
	}

	private static String intake(String status, String reviews) {
		return """
				{"bookingId":"b1","locationId":"walnut-creek","treatmentId":"microneedling",
				 "start":"2027-01-12T17:00:00Z","status":"%s","declineReason":null,
				 "forms":[
				  {"templateId":"microneedling-health","kind":"HEALTH","title":"Micro-needling health questions",
				   "version":2,"contentHash":"9f86d081884c7d65","done":true,
				   "submissions":[{"submissionId":"s1","submittedAt":"2027-01-10T20:14:02Z","signedName":"Ana Gomez",
				     "address":"203.0.113.7","userAgent":"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
				     "version":2,"contentHash":"9f86d081884c7d65",
				     "answers":[
				      {"questionId":"isotretinoin","label":"Have you taken isotretinoin in the last six months?",
				       "answer":"yes","flagged":true},
				      {"questionId":"pregnant","label":"Are you pregnant?","answer":"no","flagged":false}]}]},
				  {"templateId":"microneedling-consent","kind":"CONSENT","title":"Consent to micro-needling",
				   "version":1,"contentHash":"2c26b46b68ffc68f","done":true,
				   "submissions":[{"submissionId":"s2","submittedAt":"2027-01-10T20:15:40Z","signedName":"Ana Gomez",
				     "address":"203.0.113.7","userAgent":"Mozilla/5.0","version":1,"contentHash":"2c26b46b68ffc68f",
				     "answers":[{"questionId":"risks","label":"I have read the risks","answer":"yes","flagged":false}]}]}],
				 "reviews":%s}
				"""
			.formatted(status, reviews);
	}

}
