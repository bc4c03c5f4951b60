package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Booking a whole course in a web slice, against a stubbed booking-service: the link on a
 * series treatment's page, the first session's free times, the proposal with every
 * session adjustable, the form as the API's request (the e-mail code asked for as at
 * checkout), a session that cannot be had named with its nearest free starts, and the
 * confirmation with every session's manage link.
 */
@WebMvcTest({ SeriesPages.class, HomePages.class })
@AutoConfigureMockMvc(addFilters = false)
@Import(SeriesPagesSliceTest.Fixed.class)
class SeriesPagesSliceTest {

	@EnableConfigurationProperties(PagesProperties.class)
	static class Fixed {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);
		}

	}

	private static final TreatmentState COURSE = new TreatmentState(new TreatmentId("microneedling"), "microneedling",
			"Micro-needling", "Micro-needling", "Collagen induction", Duration.ofMinutes(45), Duration.ofMinutes(20),
			Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING", null,
			new TreatmentState.SeriesRule(4, Period.ofDays(21), Period.ofDays(28)), List.of(), true, 1, null);

	private static final TreatmentState SINGLE = new TreatmentState(new TreatmentId("facial"), "facial", "Facial",
			"Facials", "A facial", Duration.ofMinutes(45), Duration.ZERO, Duration.ZERO, new BigDecimal("120"), "USD",
			"TREATMENT", "FACIAL", null, null, List.of(), true, 1, null);

	private static final LocationState WALNUT_CREEK = new LocationState(new LocationId("walnut-creek"), "walnut-creek",
			"Walnut Creek", new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"),
			"+1 925 555 0100", "America/Los_Angeles", List.of(),
			List.of(new TreatmentId("microneedling"), new TreatmentId("facial")), true, 1, List.of());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	@BeforeEach
	void catalog() {
		given(this.catalog.treatment("microneedling")).willReturn(Optional.of(COURSE));
		given(this.catalog.treatment("facial")).willReturn(Optional.of(SINGLE));
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		given(this.catalog.offering(COURSE)).willReturn(List.of(WALNUT_CREEK));
	}

	@Test
	void onlyATreatmentGivenAsACourseOffersToBookTheWholeCourse() throws Exception {
		this.mvc.perform(get("/treatments/microneedling"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"series-link\"")))
			.andExpect(content().string(containsString("href=\"/series/microneedling\"")))
			.andExpect(content().string(containsString("Book the whole course")));
		this.mvc.perform(get("/treatments/facial"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Book the whole course"))));
		this.mvc.perform(get("/series/facial")).andExpect(status().isNotFound());
		this.mvc.perform(get("/series/microneedling"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/series/microneedling/walnut-creek\"")));
	}

	@Test
	void theFirstSessionIsChosenAmongTheDaysFreeStarts() throws Exception {
		given(this.services.availability("microneedling", "walnut-creek", LocalDate.parse("2026-12-09"),
				LocalDate.parse("2026-12-09"), null))
			.willReturn(Map.of("locations", List.of(Map.of("locationId", "walnut-creek", "slots",
					List.of(Map.of("start", "2026-12-09T10:00-08:00"), Map.of("start", "2026-12-09T14:30-08:00"))))));

		this.mvc.perform(get("/series/microneedling/walnut-creek").param("date", "2026-12-09"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Free times on Wednesday, December 9, 2026")))
			.andExpect(content().string(containsString("action=\"/series/microneedling/walnut-creek/plan\"")))
			.andExpect(content().string(containsString("name=\"first\" value=\"2026-12-09T10:00-08:00\"")))
			.andExpect(content().string(containsString("2:30 PM")));
	}

	@Test
	void theProposalShowsEverySessionReadyToAdjust() throws Exception {
		given(this.services.seriesProposal("microneedling", "walnut-creek",
				OffsetDateTime.parse("2026-12-09T10:00-08:00")))
			.willReturn(proposal());

		this.mvc.perform(get("/series/microneedling/walnut-creek/plan").param("first", "2026-12-09T10:00:00-08:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"session-1-date\" value=\"2026-12-09\"")))
			.andExpect(content().string(containsString("id=\"session-1-time\" value=\"10:00\"")))
			.andExpect(content().string(containsString("id=\"session-2-date\" value=\"2027-01-06\"")))
			.andExpect(content().string(containsString("id=\"session-2-time\" value=\"11:00\"")))
			// nothing free in the week it is due: the due day, no time, and a word why
			.andExpect(content().string(containsString("id=\"session-3-date\" value=\"2027-02-03\"")))
			.andExpect(content().string(containsString("id=\"session-3-time\" value=\"\"")))
			.andExpect(content().string(containsString("Nothing is free in the week this session is due")))
			.andExpect(content().string(containsString("id=\"session-4-time\" value=\"10:00\"")))
			.andExpect(content().string(containsString("Due Wednesday, March 3, 2027")))
			.andExpect(content().string(containsString("Book all 4 sessions")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFormBecomesOneRequestForEverySessionAndTheCodeIsAskedForAsAtCheckout() throws Exception {
		given(this.services.bookSeries(any()))
			.willThrow(new ServiceProblem(422, "email-code-required", "Code required", Map.of()));

		this.mvc
			.perform(plan().param("name", "Ana Gomez").param("email", "ana@example.com").param("consentToSms", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("we have sent a 6-digit code to")))
			.andExpect(content().string(containsString("id=\"emailCode\"")))
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")))
			.andExpect(content().string(containsString("id=\"session-4-date\" value=\"2027-03-31\"")));
		verify(this.services).sendEmailCode("ana@example.com");

		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.services).bookSeries(sent.capture());
		assertThat(sent.getValue()).containsEntry("treatmentId", "microneedling")
			.containsEntry("locationId", "walnut-creek")
			.containsEntry("starts",
					List.of("2026-12-09T10:00-08:00", "2027-01-06T11:00-08:00", "2027-02-03T09:00-08:00",
							"2027-03-31T10:00-07:00"))
			.doesNotContainKey("emailCode");
		assertThat((Map<String, Object>) sent.getValue().get("client")).containsEntry("name", "Ana Gomez")
			.containsEntry("email", "ana@example.com")
			.containsEntry("phone", "+1 925 555 0199")
			.containsEntry("consentToSms", true);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSessionThatCannotBeHadIsNamedWithTheNearestFreeStartsToChooseFrom() throws Exception {
		given(this.services.bookSeries(any())).willThrow(new ServiceProblem(409, "series-session-unavailable",
				"Session 2 on 2027-01-06 cannot be had", Map.of("starts[1]", "cannot be had"),
				Map.of("session", 2, "nearestStarts", List.of("2027-01-06T09:30-08:00", "2027-01-06T13:00-08:00"))));

		this.mvc
			.perform(plan().param("name", "Ana Gomez").param("email", "ana@example.com").param("emailCode", "123456"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Session 2, Wednesday, January 6, 2027 at 11:00 AM PST, cannot be had")))
			.andExpect(content().string(containsString("Nothing was booked")))
			.andExpect(content().string(containsString("id=\"session-2-error\"")))
			.andExpect(content().string(containsString("id=\"session-2-nearest\"")))
			.andExpect(content().string(containsString("value=\"2|2027-01-06T09:30-08:00\"")))
			.andExpect(content().string(containsString("1:00 PM")))
			// what the client typed stays
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")))
			.andExpect(content().string(containsString("id=\"session-2-time\" value=\"11:00\"")))
			.andExpect(content().string(containsString("id=\"session-3-time\" value=\"09:00\"")));

		// choosing a nearest start books the course with it in place of the one refused
		this.mvc.perform(plan().param("name", "Ana Gomez")
			.param("email", "ana@example.com")
			.param("emailCode", "123456")
			.param("pick", "2|2027-01-06T13:00-08:00"));
		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.services, org.mockito.Mockito.times(2)).bookSeries(sent.capture());
		assertThat((List<String>) sent.getValue().get("starts")).containsExactly("2026-12-09T10:00-08:00",
				"2027-01-06T13:00-08:00", "2027-02-03T09:00-08:00", "2027-03-31T10:00-07:00");
		assertThat(sent.getValue()).containsEntry("emailCode", "123456");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCourseUnderACancellationPolicyIsAcceptedWithACardAndADeclineIsSaidAtTheCard() throws Exception {
		given(this.services.policy("microneedling", "walnut-creek"))
			.willReturn(Optional.of(Map.of("version", 2, "terms", Map.of("deposit", 5000, "currency", "USD",
					"cardOnFile", true, "lateCancelWindow", "PT48H", "lateCancelFee", 5000, "noShowFee", 10000))));
		given(this.services.bookSeries(any()))
			.willThrow(new ServiceProblem(402, "payment-declined", "The card was declined.", Map.of()));

		this.mvc
			.perform(plan().param("name", "Ana Gomez")
				.param("email", "ana@example.com")
				.param("emailCode", "123456")
				.param("acceptedPolicy", "2")
				.param("paymentMethod", "pm_decline_insufficient_funds"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("$50.00 deposit, charged now")))
			.andExpect(content().string(containsString("Each session of the course takes its own deposit")))
			.andExpect(content().string(containsString("id=\"card-error\"")))
			.andExpect(content().string(containsString("No session is booked.")))
			// what the client chose stays
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")));
		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.services).bookSeries(sent.capture());
		assertThat(sent.getValue()).containsEntry("policyAcceptance", Map.of("version", 2))
			.containsEntry("paymentMethod", "pm_decline_insufficient_funds");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCourseIsPaidWithThePackageWhenTheBoxIsTickedAndARefusalIsSaidAtTheBox() throws Exception {
		given(this.services.packageOffers("microneedling"))
			.willReturn(List.of(Map.of("id", "microneedling-3", "treatmentId", "microneedling", "name",
					"Micro-needling, course of 3", "sessions", 3, "price", 90000, "currency", "USD", "active", true)));
		given(this.services.bookSeries(any()))
			.willThrow(new ServiceProblem(422, "no-package-credit", "Not enough package sessions left",
					Map.of("usePackage", "The course has 3 sessions and this e-mail address's prepaid packages for the "
							+ "treatment have 2 left; nothing was booked")));

		this.mvc
			.perform(plan().param("name", "Ana Gomez")
				.param("email", "ana@example.com")
				.param("emailCode", "123456")
				.param("usePackage", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"usePackage\"")))
			.andExpect(content().string(containsString("Pay every session with a session of the prepaid package")))
			.andExpect(content().string(containsString("id=\"usePackage-error\"")))
			.andExpect(content().string(containsString("have 2 left; nothing was booked.")))
			.andExpect(content().string(containsString("checked=\"checked\"")));
		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.services).bookSeries(sent.capture());
		assertThat(sent.getValue()).containsEntry("usePackage", true);
	}

	@Test
	void noPackageBoxWhereTheTreatmentIsNotSoldInAPackage() throws Exception {
		given(this.services.bookSeries(any()))
			.willThrow(new ServiceProblem(422, "series-spacing", "Too close to another session",
					Map.of("starts[2]", "Session 3 must be at least P21D after session 2")));
		this.mvc.perform(plan().param("name", "Ana Gomez"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"usePackage\""))));
	}

	@Test
	void aSessionTooSoonAfterTheOneBeforeIsSaidAtThatSession() throws Exception {
		given(this.services.bookSeries(any()))
			.willThrow(new ServiceProblem(422, "series-spacing", "Too close to another session",
					Map.of("starts[2]", "Session 3 must be at least P21D after session 2")));

		this.mvc.perform(plan().param("name", "Ana Gomez"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Some sessions are too close together")))
			.andExpect(content().string(containsString("id=\"session-3-error\"")))
			.andExpect(content().string(containsString("too soon after session 2")))
			.andExpect(content().string(containsString("at least 3 weeks apart")))
			.andExpect(content().string(not(containsString("id=\"session-2-error\""))));
	}

	@Test
	void aSessionWithoutATimeIsSaidWithoutAskingTheService() throws Exception {
		this.mvc
			.perform(post("/series/microneedling/walnut-creek").param("due", "2026-12-09", "2027-01-06")
				.param("date", "2026-12-09", "2027-01-06")
				.param("time", "10:00", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"session-2-error\"")))
			.andExpect(content().string(containsString("Please give every session a day and a time")));
		verify(this.services, never()).bookSeries(any());
	}

	@Test
	void theConfirmationListsEverySessionWithItsOwnManageLink() throws Exception {
		List<Map<String, Object>> sessions = new ArrayList<>();
		String[] starts = { "2026-12-09T10:00-08:00", "2027-01-06T11:00-08:00", "2027-02-03T09:00-08:00",
				"2027-03-31T10:00-07:00" };
		for (int i = 0; i < starts.length; i++) {
			sessions.add(Map.of("id", "b" + (i + 1), "status", "CONFIRMED", "start", starts[i], "manage",
					Map.of("token", "token-" + (i + 1), "url", "/api/manage/token-" + (i + 1))));
		}
		given(this.services.bookSeries(any())).willReturn(Map.of("seriesId", "s1", "sessions", sessions));
		MockHttpSession session = new MockHttpSession();

		this.mvc.perform(plan().session(session).param("name", "Ana Gomez").param("emailCode", "123456"))
			.andExpect(redirectedUrl("/series/booked/s1"));

		this.mvc.perform(get("/series/booked/s1").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your course is booked")))
			.andExpect(content().string(containsString("href=\"/manage/token-1\" id=\"manage-link-1\"")))
			.andExpect(content().string(containsString("href=\"/manage/token-2\" id=\"manage-link-2\"")))
			.andExpect(content().string(containsString("href=\"/manage/token-3\" id=\"manage-link-3\"")))
			.andExpect(content().string(containsString("href=\"/manage/token-4\" id=\"manage-link-4\"")))
			.andExpect(content().string(containsString("Wednesday, March 31, 2027 at 10:00 AM PDT")));
		// another browser has not booked it
		this.mvc.perform(get("/series/booked/s1")).andExpect(status().isNotFound());
	}

	/** The plan's form as the page sends it, each session as proposed. */
	private static MockHttpServletRequestBuilder plan() {
		return post("/series/microneedling/walnut-creek")
			.param("due", "2026-12-09", "2027-01-06", "2027-02-03", "2027-03-03")
			// the client moved the last session past the change to daylight time
			.param("date", "2026-12-09", "2027-01-06", "2027-02-03", "2027-03-31")
			.param("time", "10:00", "11:00", "09:00", "10:00")
			.param("phone", "+1 925 555 0199");
	}

	private static List<Map<String, Object>> proposal() {
		Map<String, Object> third = new HashMap<>();
		third.put("session", 3);
		third.put("due", "2027-02-03");
		third.put("start", null);
		return List.of(Map.of("session", 1, "due", "2026-12-09", "start", "2026-12-09T10:00:00-08:00"),
				Map.of("session", 2, "due", "2027-01-06", "start", "2027-01-06T11:00:00-08:00"), third,
				Map.of("session", 4, "due", "2027-03-03", "start", "2027-03-03T10:00:00-08:00"));
	}

}
