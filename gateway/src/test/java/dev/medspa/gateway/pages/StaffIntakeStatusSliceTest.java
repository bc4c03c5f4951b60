package dev.medspa.gateway.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medspa.events.LocationId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where a booking's forms stand, on the staff's booking page and day sheet, against a
 * stubbed booking-service: the status in words, the way to the answers for practitioners
 * and managers of the location only, a badge on the day sheet for the bookings not ready,
 * and a practitioner working the day of their own location like the front desk.
 */
@WebMvcTest(StaffPages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(StaffIntakeStatusSliceTest.Fixed.class)
class StaffIntakeStatusSliceTest {

	static class Fixed {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2027-01-12T16:00:00Z"), ZoneOffset.UTC);
		}

	}

	private static final LocationState WALNUT_CREEK = new LocationState(new LocationId("walnut-creek"), "walnut-creek",
			"Walnut Creek", new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"),
			"+1 925 555 0100", "America/Los_Angeles", List.of(), List.of(), true, 1, List.of());

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
	void aDay() {
		given(this.catalog.locations()).willReturn(List.of(WALNUT_CREEK));
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		given(this.services.ledger("b1")).willReturn(Map.of());
		given(this.services.payments("b1")).willReturn(Optional.empty());
		given(this.services.daySheet(eq("walnut-creek"), any(LocalDate.class)))
			.willReturn(Map.of("name", "Walnut Creek", "zoneId", "America/Los_Angeles", "practitioners",
					List.of(Map.of("id", "maya-chen", "displayName", "Maya Chen", "hours",
							List.of(Map.of("start", "09:00", "end", "17:00")))),
					"rooms", List.of(), "holds", List.of(), "bookings",
					List.of(booking("b1", "2027-01-12T17:00:00Z", "Ana Gomez", "DUE"),
							booking("b2", "2027-01-12T18:00:00Z", "Bea Stone", "NEEDS_REVIEW"),
							booking("b3", "2027-01-12T19:00:00Z", "Cleo Park", "COMPLETE"),
							booking("b4", "2027-01-12T20:00:00Z", "Dana Reed", null))));
	}

	@Test
	void aPractitionerOfTheLocationSeesTheFormsAndTheWayToTheAnswers() throws Exception {
		bookingWithForms("NEEDS_REVIEW");
		this.mvc.perform(get("/staff/bookings/b1").principal(member("sofia@clinic.example", StaffRole.PRACTITIONER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dt>Forms</dt>")))
			.andExpect(content().string(containsString(">Needs review</span>")))
			.andExpect(content().string(containsString(
					"<a href=\"/staff/locations/walnut-creek/intake/b1\" id=\"intake-link\">Read the answers</a>")));
	}

	@Test
	void aManagerOfTheLocationHasTheLinkTooButTheFrontDeskAndOwnersOnlyTheStatus() throws Exception {
		bookingWithForms("DUE");
		this.mvc.perform(get("/staff/bookings/b1").principal(member("manager@clinic.example", StaffRole.MANAGER)))
			.andExpect(content().string(containsString(">Forms due</span>")))
			.andExpect(content().string(containsString("id=\"intake-link\"")));
		this.mvc.perform(get("/staff/bookings/b1").principal(member("desk@clinic.example", StaffRole.FRONT_DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Forms due</span>")))
			.andExpect(content().string(not(containsString("intake-link"))));
		this.mvc.perform(get("/staff/bookings/b1").principal(member("owner@clinic.example", StaffRole.OWNER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Forms due</span>")))
			.andExpect(content().string(not(containsString("intake-link"))));
	}

	@Test
	void eachStatusReadsInWords() throws Exception {
		Map<String, String> words = Map.of("DUE", "Forms due", "COMPLETE", "Forms complete", "NEEDS_REVIEW",
				"Needs review", "CLEARED", "Cleared", "DECLINED", "Declined");
		for (Map.Entry<String, String> status : words.entrySet()) {
			bookingWithForms(status.getKey());
			this.mvc.perform(get("/staff/bookings/b1").principal(member("desk@clinic.example", StaffRole.FRONT_DESK)))
				.andExpect(content().string(containsString("class=\"status intake " + status.getKey()
						+ "\" id=\"intake-status\">" + status.getValue() + "</span>")));
		}
	}

	@Test
	void aBookingWithoutFormsHasNoFormsLine() throws Exception {
		bookingWithForms(null);
		this.mvc.perform(get("/staff/bookings/b1").principal(member("sofia@clinic.example", StaffRole.PRACTITIONER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana Gomez")))
			.andExpect(content().string(not(containsString("<dt>Forms</dt>"))))
			.andExpect(content().string(not(containsString("intake-link"))));
	}

	@Test
	void theDaySheetMarksTheBookingsWhoseFormsAreDueOrWaitForAReview() throws Exception {
		String page = this.mvc
			.perform(get("/staff/day/walnut-creek/2027-01-12")
				.principal(member("sofia@clinic.example", StaffRole.PRACTITIONER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page)
			.contains("<span>9:00 Ana Gomez</span><span class=\"status forms-badge\">forms due</span>")
			.contains("<span>10:00 Bea Stone</span><span class=\"status forms-badge\">review</span>")
			.contains("<span>11:00 Cleo Park</span></a>")
			.contains("<span>12:00 Dana Reed</span></a>")
			.contains("title=\"9:00 Ana Gomez · microneedling · confirmed · forms due\"");
		org.assertj.core.api.Assertions.assertThat(page.split("class=\"status forms-badge\">forms due<", -1))
			.hasSize(3);
		org.assertj.core.api.Assertions.assertThat(page.split("class=\"status forms-badge\">review<", -1)).hasSize(3);
	}

	@Test
	void aPractitionerWorksTheDayOfTheirOwnLocationOnly() throws Exception {
		this.mvc
			.perform(get("/staff/day/walnut-creek/2027-01-12")
				.principal(member("sofia@clinic.example", StaffRole.PRACTITIONER)))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/staff/day/san-ramon/2027-01-12")
				.principal(member("sofia@clinic.example", StaffRole.PRACTITIONER)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/staff").principal(member("sofia@clinic.example", StaffRole.PRACTITIONER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"meta\">Practitioner</p>")))
			.andExpect(content().string(containsString("Day sheet of Walnut Creek")))
			.andExpect(content().string(not(containsString("/staff/schedules"))))
			.andExpect(content().string(not(containsString("/staff/admin/staff"))));
	}

	private void bookingWithForms(String intakeStatus) {
		Map<String, Object> booking = new HashMap<>(Map.of("id", "b1", "treatmentId", "microneedling", "locationId",
				"walnut-creek", "zoneId", "America/Los_Angeles", "start", "2027-01-12T09:00:00-08:00", "status",
				"CONFIRMED", "practitionerId", "maya-chen", "roomId", "room-1", "client", Map.of("name", "Ana Gomez",
						"email", "ana@example.com", "phone", "+1 925 555 0199", "consentToSms", false)));
		booking.put("intakeStatus", intakeStatus);
		given(this.services.staffBooking("b1")).willReturn(booking);
	}

	private static Map<String, Object> booking(String id, String start, String client, String intakeStatus) {
		Map<String, Object> booking = new HashMap<>(Map.of("id", id, "treatmentId", "microneedling", "practitionerId",
				"maya-chen", "roomId", "room-1", "status", "CONFIRMED", "start", start, "end",
				Instant.parse(start).plusSeconds(3600).toString(), "client", Map.of("name", client)));
		booking.put("intakeStatus", intakeStatus);
		return booking;
	}

	private TestingAuthenticationToken member(String email, StaffRole role) {
		given(this.accounts.byEmail(email)).willReturn(Optional.of(new StaffAccount(email, "Member", "{noop}x",
				Set.of(role), role == StaffRole.OWNER ? Set.of() : Set.of("walnut-creek"), true, 0, null)));
		return new TestingAuthenticationToken(email, null, role.authority());
	}

}
