package dev.medspa.gateway.pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medspa.events.LocationId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.gateway.identity.IdentityProperties;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A location's calendar feeds for its managers in a web slice, against a stubbed
 * booking-service: the feeds and the form, a new feed's link shown once from the site's
 * public address and kept out of caches, revoking, and the front desk kept out.
 */
@WebMvcTest(CalendarFeedPages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(CalendarFeedPagesSliceTest.Settings.class)
@TestPropertySource(properties = "medspa.identity.issuer=https://book.evergreen.example")
class CalendarFeedPagesSliceTest {

	private static final LocationState WALNUT_CREEK = new LocationState(new LocationId("walnut-creek"), "walnut-creek",
			"Walnut Creek", new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"),
			"+1 925 555 0100", "America/Los_Angeles", List.of(), List.of(), true, 1, List.of());

	private static final String PAGE = "/staff/catalog/locations/walnut-creek/feeds";

	@EnableConfigurationProperties({ PagesProperties.class, IdentityProperties.class })
	static class Settings {

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	StaffAccounts accounts;

	@BeforeEach
	void aLocationWithOneFeed() {
		given(this.catalog.location("walnut-creek")).willReturn(Optional.of(WALNUT_CREEK));
		given(this.services.calendarFeeds("walnut-creek"))
			.willReturn(List.of(Map.of("id", "f1", "covers", "Every booking at Walnut Creek", "createdAt",
					"2026-12-01T18:00:00Z", "createdBy", "owner@clinic.example")));
		given(this.services.practitioners(null, "walnut-creek"))
			.willReturn(List.of(Map.of("id", "maya-chen", "displayName", "Maya Chen")));
	}

	@Test
	void aManagerSeesTheFeedsAndTheFormButNoLink() throws Exception {
		member("manager@clinic.example", StaffRole.MANAGER);
		this.mvc.perform(get(PAGE).principal(signedIn("manager@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Calendar feeds: Walnut Creek")))
			.andExpect(content().string(containsString("Every booking at Walnut Creek")))
			.andExpect(content().string(containsString("Tuesday, December 1, 2026 at 10:00 AM PST")))
			.andExpect(content().string(containsString("<option value=\"maya-chen\">Maya Chen</option>")))
			.andExpect(content().string(not(containsString("webcal://"))));
	}

	@Test
	void aNewFeedsLinkIsShownOnceFromTheSitesAddressAndNotCached() throws Exception {
		member("manager@clinic.example", StaffRole.MANAGER);
		String token = "Xq3v_9-abcdefghijklmnopqrstuvwxyz0123456789";
		given(this.services.issueCalendarFeed("walnut-creek", "maya-chen")).willReturn(Map.of("id", "f2", "covers",
				"Maya Chen's bookings at Walnut Creek", "path", "/feeds/" + token + ".ics"));
		this.mvc.perform(post(PAGE).param("practitionerId", "maya-chen").principal(signedIn("manager@clinic.example")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(containsString("This link is shown only this once.")))
			.andExpect(content().string(containsString("webcal://book.evergreen.example/feeds/" + token + ".ics")))
			.andExpect(content().string(containsString("https://book.evergreen.example/feeds/" + token + ".ics")));
	}

	@Test
	void aManagerRevokesAFeed() throws Exception {
		member("manager@clinic.example", StaffRole.MANAGER);
		this.mvc
			.perform(post(PAGE + "/f1/revoke").param("covers", "Every booking at Walnut Creek")
				.principal(signedIn("manager@clinic.example")))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("done", containsString("Revoked: Every booking at Walnut Creek")));
		verify(this.services).revokeCalendarFeed("walnut-creek", "f1");
	}

	@Test
	void theFrontDeskIsKeptOut() throws Exception {
		member("desk@clinic.example", StaffRole.FRONT_DESK);
		this.mvc.perform(post(PAGE).principal(signedIn("desk@clinic.example"))).andExpect(status().isForbidden());
		verify(this.services, never()).issueCalendarFeed(anyString(), anyString());
	}

	private void member(String email, StaffRole role) {
		given(this.accounts.byEmail(email)).willReturn(Optional
			.of(new StaffAccount(email, "Member", "{noop}x", Set.of(role), Set.of("walnut-creek"), true, 0, null)));
	}

	private static TestingAuthenticationToken signedIn(String email) {
		return new TestingAuthenticationToken(email, null, "ROLE_STAFF");
	}

}
