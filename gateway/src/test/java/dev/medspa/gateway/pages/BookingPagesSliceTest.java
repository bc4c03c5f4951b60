package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The booking calendar opened from a rebooking link (the nudge for the next session of a
 * series, the note after a missed visit), in a web slice against stubbed services: it
 * opens at the due day with the booking's practitioner, who is carried into the hold; a
 * day it cannot read or a practitioner who left gives the plain calendar, never an error.
 */
@WebMvcTest(BookingPages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(BookingPagesSliceTest.Fixed.class)
class BookingPagesSliceTest {

	@EnableConfigurationProperties(PagesProperties.class)
	static class Fixed {

		/** Tuesday, 1 December 2026, 10:00 in Walnut Creek. */
		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);
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

	private static final String BASE = "/book/microneedling/walnut-creek";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	@BeforeEach
	void catalog() {
		given(this.catalog.treatment("microneedling")).willReturn(Optional.of(TREATMENT));
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		given(this.services.practitioners("microneedling", "walnut-creek"))
			.willReturn(List.of(Map.of("id", "maya-chen", "displayName", "Maya Chen"),
					Map.of("id", "jordan-lee", "displayName", "Jordan Lee")));
		given(this.services.availableDays(any(), any(), any(), any(), any())).willReturn(Map.of());
	}

	@Test
	void aRebookingLinkOpensTheCalendarAtTheDueDayWithThePractitioner() throws Exception {
		given(this.services.availableDays("microneedling", "walnut-creek", LocalDate.of(2027, 1, 11),
				LocalDate.of(2027, 1, 31), "maya-chen"))
			.willReturn(Map.of("locations",
					List.of(Map.of("locationId", "walnut-creek", "days", List.of("2027-01-12", "2027-01-14")))));

		this.mvc.perform(get(BASE).param("practitioner", "maya-chen").param("from", "2027-01-11"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Times with Maya Chen")))
			.andExpect(content().string(containsString("January 2027")))
			.andExpect(content().string(containsString("Days from Monday, January 11, 2027 on.")))
			.andExpect(content()
				.string(containsString("href=\"" + BASE + "/2027-01-12?practitioner=maya-chen&amp;from=2027-01-11\"")))
			.andExpect(content().string(containsString("<option value=\"maya-chen\" selected=\"selected\">")))
			// nothing before the due day: no way back to December but the plain calendar
			.andExpect(content().string(not(containsString("month=2026-12"))))
			.andExpect(content().string(containsString("href=\"" + BASE + "?practitioner=maya-chen\"")));
		verify(this.services).availableDays("microneedling", "walnut-creek", LocalDate.of(2027, 1, 11),
				LocalDate.of(2027, 1, 31), "maya-chen");
	}

	@Test
	void theDaysTimesAreThePractitionersAndTheirHoldCarriesThem() throws Exception {
		OffsetDateTime start = OffsetDateTime.parse("2027-01-12T10:00:00-08:00");
		given(this.services.availability("microneedling", "walnut-creek", LocalDate.of(2027, 1, 12),
				LocalDate.of(2027, 1, 12), "maya-chen"))
			.willReturn(Map.of("locations", List
				.of(Map.of("locationId", "walnut-creek", "slots", List.of(Map.of("start", start.toString()))))));

		this.mvc.perform(get(BASE + "/2027-01-12").param("practitioner", "maya-chen").param("from", "2027-01-11"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Times with Maya Chen")))
			.andExpect(content().string(containsString("name=\"practitioner\" value=\"maya-chen\"")))
			.andExpect(content().string(containsString("10:00 AM")))
			.andExpect(content().string(containsString(
					"href=\"" + BASE + "?month=2027-01&amp;practitioner=maya-chen&amp;from=2027-01-11\"")));

		given(this.services.hold("microneedling", "walnut-creek", start, "maya-chen"))
			.willReturn(Map.of("holdId", "h1", "practitionerId", "maya-chen", "expiresAt", "2026-12-01T18:10:00Z"));
		this.mvc
			.perform(post("/book/hold").param("treatmentId", "microneedling")
				.param("locationId", "walnut-creek")
				.param("slot", start.toString())
				.param("practitioner", "maya-chen"))
			.andExpect(redirectedUrl("/book/checkout/h1"));
		verify(this.services).hold("microneedling", "walnut-creek", start, "maya-chen");
	}

	@Test
	void anUnreadableDayGivesThePlainCalendarFromToday() throws Exception {
		this.mvc.perform(get(BASE).param("practitioner", "maya-chen").param("from", "next Monday"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("December 2026")))
			.andExpect(content().string(containsString("Times with Maya Chen")))
			.andExpect(content().string(not(containsString("Days from"))))
			.andExpect(content()
				.string(containsString("href=\"" + BASE + "?month=2027-01&amp;practitioner=maya-chen&amp;from=\"")));
		verify(this.services).availableDays("microneedling", "walnut-creek", LocalDate.of(2026, 12, 1),
				LocalDate.of(2026, 12, 31), "maya-chen");
	}

	@Test
	void aDayAlreadyPastGivesThePlainCalendarFromToday() throws Exception {
		this.mvc.perform(get(BASE).param("from", "2026-11-20"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("December 2026")));
		verify(this.services).availableDays(eq("microneedling"), eq("walnut-creek"), eq(LocalDate.of(2026, 12, 1)),
				eq(LocalDate.of(2026, 12, 31)), isNull());
	}

	@Test
	void aPractitionerWhoNoLongerWorksThereGivesAnyPractitioner() throws Exception {
		this.mvc.perform(get(BASE).param("practitioner", "someone-who-left").param("from", "2027-01-11"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("January 2027")))
			.andExpect(content().string(not(containsString("Times with"))))
			.andExpect(content().string(not(containsString("someone-who-left"))))
			.andExpect(content().string(containsString("<option value=\"\">Any practitioner</option>")));
		verify(this.services).availableDays(eq("microneedling"), eq("walnut-creek"), eq(LocalDate.of(2027, 1, 11)),
				eq(LocalDate.of(2027, 1, 31)), isNull());

		this.mvc.perform(get(BASE + "/2027-01-12").param("practitioner", "someone-who-left"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Times with"))));
		verify(this.services).availability(eq("microneedling"), eq("walnut-creek"), eq(LocalDate.of(2027, 1, 12)),
				eq(LocalDate.of(2027, 1, 12)), isNull());
	}

}
