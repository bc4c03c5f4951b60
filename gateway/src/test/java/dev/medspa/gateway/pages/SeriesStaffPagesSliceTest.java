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
import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
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
 * Staff booking a whole course for a client in a web slice, against a stubbed
 * booking-service: the link on each location card of the staff home, the courses of the
 * location and the first session's free times, the proposal with every session
 * adjustable, the form as {@code POST /api/staff/series} (no e-mail code), a session that
 * cannot be had named with its nearest free starts, the service's refusal of the member
 * in plain words, and the confirmation linking every session's staff booking page.
 */
@WebMvcTest({ SeriesStaffPages.class, StaffPages.class })
@AutoConfigureMockMvc(addFilters = false)
@Import(SeriesStaffPagesSliceTest.Fixed.class)
class SeriesStaffPagesSliceTest {

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

	private static final LocationState SCOTTSDALE = new LocationState(new LocationId("scottsdale"), "scottsdale",
			"Scottsdale", new LocationState.Address("2 Camelback Rd", "Scottsdale", "AZ", "85251", "US"),
			"+1 480 555 0100", "America/Phoenix", List.of(), List.of(new TreatmentId("microneedling")), true, 1,
			List.of());

	private static final String DESK = "desk@clinic.example";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	StaffAccounts accounts;

	@MockitoBean
	AccessTokens tokens;

	@BeforeEach
	void aFrontDeskMemberOfWalnutCreek() {
		given(this.catalog.treatment("microneedling")).willReturn(Optional.of(COURSE));
		given(this.catalog.treatment("facial")).willReturn(Optional.of(SINGLE));
		given(this.catalog.treatments()).willReturn(List.of(SINGLE, COURSE));
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		given(this.catalog.location("scottsdale")).willReturn(Optional.of(SCOTTSDALE));
		given(this.catalog.locations()).willReturn(List.of(WALNUT_CREEK, SCOTTSDALE));
		given(this.accounts.byEmail(DESK)).willReturn(Optional.of(new StaffAccount(DESK, "Dana Desk", "{noop}x",
				Set.of(StaffRole.FRONT_DESK), Set.of("walnut-creek"), true, 0, null)));
	}

	@Test
	void eachLocationCardOfTheStaffHomeLeadsToBookingACourseThere() throws Exception {
		this.mvc.perform(get("/staff").principal(signedIn()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("href=\"/staff/series/walnut-creek\" id=\"series-link-walnut-creek\"")))
			.andExpect(content().string(not(containsString("series-link-scottsdale"))));
		this.mvc.perform(get("/staff/series").principal(signedIn()))
			.andExpect(redirectedUrl("/staff/series/walnut-creek"));
	}

	@Test
	void theLocationsCoursesAndTheFirstSessionsFreeTimesAreOffered() throws Exception {
		given(this.services.availability("microneedling", "walnut-creek", LocalDate.parse("2026-12-09"),
				LocalDate.parse("2026-12-09"), null))
			.willReturn(Map.of("locations", List.of(Map.of("locationId", "walnut-creek", "slots",
					List.of(Map.of("start", "2026-12-09T10:00-08:00"), Map.of("start", "2026-12-09T14:30-08:00"))))));

		this.mvc.perform(get("/staff/series/walnut-creek").principal(signedIn()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"series-treatment\"")))
			.andExpect(content().string(containsString("id=\"series-date\"")))
			.andExpect(content().string(not(containsString("Free times on"))));
		this.mvc
			.perform(get("/staff/series/walnut-creek").principal(signedIn())
				.param("treatment", "microneedling")
				.param("date", "2026-11-30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"series-date-error\"")))
			.andExpect(content().string(containsString("value=\"2026-11-30\"")));
		this.mvc
			.perform(get("/staff/series/walnut-creek").principal(signedIn())
				.param("treatment", "microneedling")
				.param("date", "2026-12-09"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Micro-needling (4 sessions)")))
			// a treatment not given as a course is not offered
			.andExpect(content().string(not(containsString("value=\"facial\""))))
			.andExpect(content().string(containsString("Free times on Wednesday, December 9, 2026")))
			.andExpect(content().string(containsString("action=\"/staff/series/walnut-creek/microneedling/plan\"")))
			.andExpect(content().string(containsString("name=\"first\" value=\"2026-12-09T10:00-08:00\"")))
			.andExpect(content().string(containsString("2:30 PM")));
	}

	@Test
	void theProposalShowsEverySessionReadyToAdjustAndOneButton() throws Exception {
		given(this.services.seriesProposal("microneedling", "walnut-creek",
				OffsetDateTime.parse("2026-12-09T10:00-08:00")))
			.willReturn(List.of(Map.of("session", 1, "due", "2026-12-09", "start", "2026-12-09T10:00:00-08:00"),
					Map.of("session", 2, "due", "2027-01-06", "start", "2027-01-06T11:00:00-08:00"),
					Map.of("session", 3, "due", "2027-02-03", "start", "2027-02-03T09:00:00-08:00"),
					Map.of("session", 4, "due", "2027-03-03", "start", "2027-03-03T10:00:00-08:00")));

		this.mvc
			.perform(get("/staff/series/walnut-creek/microneedling/plan").principal(signedIn())
				.param("first", "2026-12-09T10:00:00-08:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/staff/series/walnut-creek/microneedling\"")))
			.andExpect(content().string(containsString("id=\"session-1-date\" value=\"2026-12-09\"")))
			.andExpect(content().string(containsString("id=\"session-2-time\" value=\"11:00\"")))
			.andExpect(content().string(containsString("id=\"session-4-date\" value=\"2027-03-03\"")))
			.andExpect(content().string(containsString("Book all 4 sessions")))
			// staff vouch for the client: no e-mail code
			.andExpect(content().string(not(containsString("emailCode"))));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFormBecomesTheStaffRequestForEverySession() throws Exception {
		given(this.services.bookStaffSeries(any()))
			.willThrow(new ServiceProblem(422, "consultation-required", "A consultation is required first", Map.of()));

		this.mvc
			.perform(plan().param("name", "Ana Gomez").param("email", "ana@example.com").param("consentToSms", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This client has no consultation for Micro-needling")))
			.andExpect(content().string(containsString("Nothing was booked")))
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")));

		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.services).bookStaffSeries(sent.capture());
		verify(this.services, never()).bookSeries(any());
		verify(this.services, never()).sendEmailCode(any());
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
		given(this.services.bookStaffSeries(any())).willThrow(new ServiceProblem(409, "series-session-unavailable",
				"Session 2 on 2027-01-06 cannot be had", Map.of("starts[1]", "cannot be had"),
				Map.of("session", 2, "nearestStarts", List.of("2027-01-06T09:30-08:00", "2027-01-06T13:00-08:00"))));

		this.mvc.perform(plan().param("name", "Ana Gomez").param("email", "ana@example.com"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Session 2, Wednesday, January 6, 2027 at 11:00 AM PST, cannot be had")))
			.andExpect(content().string(containsString("id=\"session-2-error\"")))
			.andExpect(content().string(containsString("id=\"session-2-nearest\"")))
			.andExpect(content().string(containsString("value=\"2|2027-01-06T09:30-08:00\"")))
			.andExpect(content().string(containsString("9:30 AM")))
			.andExpect(content().string(containsString("1:00 PM")))
			.andExpect(content().string(not(containsString("id=\"session-3-error\""))))
			// what was typed stays
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")))
			.andExpect(content().string(containsString("id=\"session-2-time\" value=\"11:00\"")))
			.andExpect(content().string(containsString("id=\"session-4-date\" value=\"2027-03-31\"")));

		// picking a nearest start books the course with it in place of the one refused
		this.mvc.perform(plan().param("name", "Ana Gomez").param("pick", "2|2027-01-06T13:00-08:00"));
		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.services, org.mockito.Mockito.times(2)).bookStaffSeries(sent.capture());
		assertThat((List<String>) sent.getValue().get("starts")).containsExactly("2026-12-09T10:00-08:00",
				"2027-01-06T13:00-08:00", "2027-02-03T09:00-08:00", "2027-03-31T10:00-07:00");
	}

	@Test
	void aRefusalOfTheMemberIsSaidPlainlyKeepingWhatWasTyped() throws Exception {
		given(this.services.bookStaffSeries(any()))
			.willThrow(new ServiceProblem(403, "forbidden", "Not a location of this member", Map.of()));

		this.mvc.perform(plan().param("name", "Ana Gomez"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"series-problem\"")))
			.andExpect(content()
				.string(containsString("Your account may not book at Walnut Creek, so nothing was booked.")))
			.andExpect(content().string(not(containsString("Not a location of this member"))))
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")))
			.andExpect(content().string(containsString("id=\"session-3-time\" value=\"09:00\"")));
	}

	@Test
	void aSessionTooSoonAfterTheOneBeforeIsSaidAtThatSession() throws Exception {
		given(this.services.bookStaffSeries(any()))
			.willThrow(new ServiceProblem(422, "series-spacing", "Too close to another session",
					Map.of("starts[2]", "Session 3 must be at least P21D after session 2")));

		this.mvc.perform(plan().param("name", "Ana Gomez"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Some sessions are too close together")))
			.andExpect(content().string(containsString("id=\"session-3-error\"")))
			.andExpect(content().string(containsString("at least 3 weeks apart")));
	}

	@Test
	void anotherLocationIsNotOfferedAndNothingIsAsked() throws Exception {
		this.mvc.perform(get("/staff/series/scottsdale").principal(signedIn())).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/staff/series/scottsdale/microneedling").principal(signedIn())
				.param("due", "2026-12-09")
				.param("date", "2026-12-09")
				.param("time", "10:00"))
			.andExpect(status().isForbidden());
		verify(this.services, never()).bookStaffSeries(any());
	}

	@Test
	void theConfirmationLinksEverySessionsStaffBookingPage() throws Exception {
		List<Map<String, Object>> sessions = new ArrayList<>();
		String[] starts = { "2026-12-09T10:00-08:00", "2027-01-06T11:00-08:00", "2027-02-03T09:00-08:00",
				"2027-03-31T10:00-07:00" };
		for (int i = 0; i < starts.length; i++) {
			sessions.add(Map.of("id", "b" + (i + 1), "status", "CONFIRMED", "start", starts[i], "manage",
					Map.of("token", "token-" + (i + 1), "url", "/api/manage/token-" + (i + 1))));
		}
		given(this.services.bookStaffSeries(any())).willReturn(Map.of("seriesId", "s1", "sessions", sessions));
		MockHttpSession session = new MockHttpSession();

		this.mvc.perform(plan().session(session).param("name", "Ana Gomez"))
			.andExpect(redirectedUrl("/staff/series/booked/s1"));

		this.mvc.perform(get("/staff/series/booked/s1").session(session).principal(signedIn()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"series-booked\"")))
			.andExpect(content().string(containsString("href=\"/staff/bookings/b1\" id=\"booking-link-1\"")))
			.andExpect(content().string(containsString("href=\"/staff/bookings/b4\" id=\"booking-link-4\"")))
			.andExpect(content().string(containsString("Session 4: Wednesday, March 31, 2027 at 10:00 AM PDT")))
			.andExpect(content().string(containsString("href=\"/staff/day/walnut-creek/2027-03-31\"")))
			// the client's manage links are theirs, not the desk's
			.andExpect(content().string(not(containsString("token-1"))));
		// a course not booked in this session is not shown
		this.mvc.perform(get("/staff/series/booked/s2").session(session).principal(signedIn()))
			.andExpect(status().isNotFound());
	}

	/** The plan's form as the page sends it, the last session moved by the member. */
	private static MockHttpServletRequestBuilder plan() {
		return post("/staff/series/walnut-creek/microneedling").principal(signedIn())
			.param("due", "2026-12-09", "2027-01-06", "2027-02-03", "2027-03-03")
			.param("date", "2026-12-09", "2027-01-06", "2027-02-03", "2027-03-31")
			.param("time", "10:00", "11:00", "09:00", "10:00")
			.param("phone", "+1 925 555 0199");
	}

	private static TestingAuthenticationToken signedIn() {
		return new TestingAuthenticationToken(DESK, null, "ROLE_STAFF");
	}

}
