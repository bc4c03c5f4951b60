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
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Prepaid packages on the staff's pages, under the gateway's real security chains against
 * stubbed services: a booking paid with a package says so with the balance, and a
 * client's packages are looked up by e-mail by any signed-in member (and by no one else).
 */
@WebMvcTest({ StaffPages.class, PackageStaffPages.class })
@Import(PageSecurityForTests.class)
class StaffPackagesSliceTest {

	@TempDir
	static Path keys;

	@DynamicPropertySource
	static void keyFile(DynamicPropertyRegistry registry) {
		registry.add("medspa.identity.signing-key-file", () -> keys.resolve("signing-key.json").toString());
	}

	private static final String DESK = "desk@clinic.example";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Services services;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	StaffAccounts accounts;

	@BeforeEach
	void aFrontDeskMemberAtWalnutCreek() {
		given(this.accounts.byEmail(DESK)).willReturn(Optional.of(new StaffAccount(DESK, "Desk", "{noop}x",
				Set.of(StaffRole.FRONT_DESK), Set.of("walnut-creek"), true, 0, null)));
		given(this.catalog.locations())
			.willReturn(List.of(new LocationState(new LocationId("walnut-creek"), "walnut-creek", "Walnut Creek",
					new LocationState.Address("1 Main St", "Walnut Creek", "CA", "94596", "US"), "+1 925 555 0100",
					"America/Los_Angeles", List.of(), List.of(new TreatmentId("microneedling")), true, 1, List.of())));
		given(this.catalog.treatment("microneedling"))
			.willReturn(Optional.of(new TreatmentState(new TreatmentId("microneedling"), "microneedling",
					"Micro-needling", "Micro-needling", "Collagen", Duration.ofMinutes(45), Duration.ofMinutes(20),
					Duration.ofMinutes(10), new BigDecimal("300"), "USD", "TREATMENT", "MICRONEEDLING", null, null,
					List.of(), true, 1, null)));
		given(this.services.staffBooking("b1")).willReturn(Map.of("id", "b1", "treatmentId", "microneedling",
				"locationId", "walnut-creek", "zoneId", "America/Los_Angeles", "start", "2026-12-08T10:00:00-08:00",
				"status", "COMPLETED", "practitionerId", "maya-chen", "roomId", "room-1", "client", Map.of("name",
						"Ana Gomez", "email", "ana@example.com", "phone", "+1 925 555 0199", "consentToSms", false)));
		given(this.services.ledger("b1")).willReturn(Map.of());
	}

	@Test
	void aBookingPaidWithAPackageSaysSoWithTheBalance() throws Exception {
		given(this.services.bookingPackage("b1")).willReturn(Optional.of(Map.of("packageId", "pk1", "name",
				"Micro-needling, course of 3", "sessions", 3, "remaining", 2, "state", "USED")));

		this.mvc.perform(get("/staff/bookings/b1").with(desk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"booking-package\">Paid with a package: "
					+ "Micro-needling, course of 3, 2 of 3 sessions left (session used)<")));
	}

	@Test
	void aForfeitedSessionIsSaidOnTheBooking() throws Exception {
		given(this.services.bookingPackage("b1")).willReturn(Optional.of(Map.of("packageId", "pk1", "name",
				"Micro-needling, course of 3", "sessions", 3, "remaining", 2, "state", "FORFEITED")));

		this.mvc.perform(get("/staff/bookings/b1").with(desk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 of 3 sessions left (session forfeited)")))
			.andExpect(content().string(containsString("id=\"restore-session\"")));
	}

	@Test
	void aForfeitedSessionIsGivenBackWithAReason() throws Exception {
		this.mvc
			.perform(post("/staff/bookings/b1/package-session").with(desk())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("reason", " "))
			.andExpect(redirectedUrl("/staff/bookings/b1"))
			.andExpect(flash().attribute("problem", "Give a reason for giving the session back."));
		verify(this.services, never()).restorePackageSession(any(), any());

		this.mvc
			.perform(post("/staff/bookings/b1/package-session").with(desk())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("reason", "Snowed in, called at eight"))
			.andExpect(redirectedUrl("/staff/bookings/b1"))
			.andExpect(flash().attribute("done", "The session is back in the client's package."));
		verify(this.services).restorePackageSession("b1", "Snowed in, called at eight");
	}

	@Test
	void aSessionInUseOffersNothingToGiveBack() throws Exception {
		given(this.services.bookingPackage("b1")).willReturn(Optional.of(Map.of("packageId", "pk1", "name",
				"Micro-needling, course of 3", "sessions", 3, "remaining", 2, "state", "USED")));

		this.mvc.perform(get("/staff/bookings/b1").with(desk()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("restore-session"))));
	}

	@Test
	void aBookingPaidOtherwiseHasNoPackageLine() throws Exception {
		given(this.services.bookingPackage("b1")).willReturn(Optional.empty());

		this.mvc.perform(get("/staff/bookings/b1").with(desk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana Gomez")))
			.andExpect(content().string(not(containsString("booking-package"))));
	}

	@Test
	void theLookupNeedsSignIn() throws Exception {
		this.mvc.perform(get("/staff/packages").param("email", "ana@example.com"))
			.andExpect(redirectedUrl("/staff/sign-in"));
		verify(this.services, never()).staffPackages(any());
	}

	@Test
	void theLookupFormIsLinkedFromTheStaffHome() throws Exception {
		this.mvc.perform(get("/staff").with(desk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/staff/packages\" id=\"packages-link\"")));
		this.mvc.perform(get("/staff/packages").with(desk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"email\">Client's e-mail</label>")))
			.andExpect(content().string(not(containsString("No packages were bought"))));
		verify(this.services, never()).staffPackages(any());
	}

	@Test
	void aClientsPackagesShowTheirBalanceAndEachCredit() throws Exception {
		given(this.services.staffPackages("ana@example.com")).willReturn(List.of(Map.ofEntries(Map.entry("id", "pk1"),
				Map.entry("offerId", "microneedling-3"), Map.entry("treatmentId", "microneedling"),
				Map.entry("name", "Micro-needling, course of 3"), Map.entry("sessions", 3), Map.entry("remaining", 1),
				Map.entry("price", 60000), Map.entry("currency", "USD"), Map.entry("status", "PAID"),
				Map.entry("purchasedAt", "2026-11-20T18:00:00Z"), Map.entry("clientName", "Ana Gomez"),
				Map.entry("clientEmail", "ana@example.com"),
				Map.entry("credits",
						List.of(Map.of("bookingId", "b1", "state", "USED", "heldAt", "2026-12-08T19:15:00Z", "start",
								"2026-12-08T18:00:00Z"),
								Map.of("bookingId", "b2", "state", "HELD", "heldAt", "2026-12-08T19:20:00Z"),
								Map.of("bookingId", "b3", "state", "RETURNED", "heldAt", "2026-12-02T19:20:00Z",
										"settledAt", "2026-12-03T17:00:00Z", "note", "cancelled in time"))))));

		this.mvc.perform(get("/staff/packages").param("email", " ana@example.com ").with(desk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"ana@example.com\"")))
			.andExpect(content().string(containsString("Micro-needling, course of 3")))
			.andExpect(content().string(containsString("Ana Gomez (ana@example.com)")))
			.andExpect(content().string(containsString("1 of 3 sessions left")))
			.andExpect(content().string(containsString("$600.00 · paid")))
			.andExpect(content().string(containsString("Friday, November 20, 2026 at 10:00 AM PST")))
			.andExpect(content().string(containsString("<a href=\"/staff/bookings/b1\">b1</a>")))
			.andExpect(content().string(containsString("<td>Tuesday, December 8, 2026 at 10:00 AM PST</td>")))
			.andExpect(content().string(containsString("<td>session used</td>")))
			.andExpect(content().string(containsString("<td>session held for this visit</td>")))
			.andExpect(content().string(containsString("<td>session returned (cancelled in time)</td>")))
			.andExpect(content().string(containsString("<td>Thursday, December 3, 2026 at 9:00 AM PST</td>")))
			.andExpect(content().string(containsString("<td>Tuesday, December 8, 2026 at 11:15 AM PST</td>")));
	}

	@Test
	void noPackagesIsSaid() throws Exception {
		given(this.services.staffPackages("bo@example.com")).willReturn(List.of());

		this.mvc.perform(get("/staff/packages").param("email", "bo@example.com").with(desk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No packages were bought with this e-mail address.")));
	}

	@Test
	void aRefusedAddressIsSaidAtTheField() throws Exception {
		given(this.services.staffPackages("not-an-address"))
			.willThrow(new ServiceProblem(422, "invalid-request", "invalid", Map.of("email", "must be an e-mail")));

		this.mvc.perform(get("/staff/packages").param("email", "not-an-address").with(desk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"email-error\">E-mail must be an e-mail<")))
			.andExpect(content().string(containsString("aria-describedby=\"email-error\"")));
	}

	private static RequestPostProcessor desk() {
		return user(DESK).roles("FRONT_DESK");
	}

}
