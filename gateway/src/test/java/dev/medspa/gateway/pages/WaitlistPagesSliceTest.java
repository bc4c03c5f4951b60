package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client's waitlist pages in a web slice, against a stubbed booking-service: the form
 * becomes the API's request, its field errors come back next to the fields, the place
 * shows its open offer, and an offer is booked in one click or explained when it went to
 * someone else. No security chain (the gateway's CSRF and sign-in rules are tested with
 * the whole context).
 */
@WebMvcTest(WaitlistPages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(WaitlistPagesSliceTest.Fixed.class)
class WaitlistPagesSliceTest {

	@EnableConfigurationProperties(PagesProperties.class)
	static class Fixed {

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
		given(this.catalog.offering(TREATMENT)).willReturn(List.of(WALNUT_CREEK));
	}

	@Test
	void theFormStartsWithWhatTheClientWasLookingAt() throws Exception {
		this.mvc
			.perform(get("/waitlist/join").param("treatment", "microneedling")
				.param("location", "walnut-creek")
				.param("from", "2026-12-05")
				.param("to", "2026-12-05"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Join the waitlist")))
			.andExpect(content().string(containsString("<option value=\"walnut-creek\" selected=\"selected\">")))
			.andExpect(content().string(containsString("value=\"2026-12-05\"")))
			.andExpect(content().string(containsString("value=\"MONDAY\"")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFormBecomesTheApisRequestAndLeadsToThePlace() throws Exception {
		given(this.services.joinWaitlist(any()))
			.willReturn(Map.of("id", "w1", "status", "WAITING", "link", Map.of("token", "place-token")));

		this.mvc
			.perform(post("/waitlist/join").param("treatmentId", "microneedling")
				.param("locationId", "")
				.param("from", "2026-12-03")
				.param("to", "2026-12-20")
				.param("partsOfDay", "MORNING", "EVENING")
				.param("_partsOfDay", "on")
				.param("_weekdays", "on")
				.param("name", "Ana Gomez")
				.param("email", "ana@example.com")
				.param("phone", "+1 925 555 0199")
				.param("consentToSms", "true"))
			.andExpect(redirectedUrl("/waitlist/place-token"))
			.andExpect(flash().attribute("joined", true));

		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(this.services).joinWaitlist(sent.capture());
		assertThat(sent.getValue()).containsEntry("treatmentId", "microneedling")
			.containsEntry("locationId", null)
			.containsEntry("from", "2026-12-03")
			.containsEntry("to", "2026-12-20")
			.containsEntry("partsOfDay", List.of("MORNING", "EVENING"))
			.containsEntry("weekdays", List.of());
		assertThat((Map<String, Object>) sent.getValue().get("client")).containsEntry("name", "Ana Gomez")
			.containsEntry("email", "ana@example.com")
			.containsEntry("phone", "+1 925 555 0199")
			.containsEntry("consentToSms", true);
	}

	@Test
	void theServicesFieldErrorsAreShownAtTheirFieldsWithWhatWasTyped() throws Exception {
		given(this.services.joinWaitlist(any())).willThrow(new ServiceProblem(400, "invalid-request", "Invalid",
				Map.of("client.email", "must be a well-formed email address", "weekdays[0]", "is not a weekday")));

		this.mvc
			.perform(post("/waitlist/join").param("treatmentId", "microneedling")
				.param("from", "2026-12-03")
				.param("to", "2026-12-20")
				.param("name", "Ana Gomez")
				.param("email", "not-an-address"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("E-mail must be a well-formed email address")))
			.andExpect(content().string(containsString("Days is not a weekday")))
			.andExpect(content().string(containsString("value=\"Ana Gomez\"")));
	}

	@Test
	void anUnreadableDateIsSaidWithoutAskingTheService() throws Exception {
		this.mvc
			.perform(post("/waitlist/join").param("treatmentId", "microneedling")
				.param("from", "3 December")
				.param("to", "2026-12-20"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("From must be a date such as 2026-12-03")));
		verify(this.services, org.mockito.Mockito.never()).joinWaitlist(any());
	}

	@Test
	void thePlaceShowsItsOpenOfferWithoutTellingAReferrer() throws Exception {
		given(this.services.waitlistPlace("place-token"))
			.willReturn(Optional.of(Map.of("id", "w1", "treatmentId", "microneedling", "from", "2026-12-03", "to",
					"2026-12-20", "partsOfDay", List.of("MORNING"), "weekdays", List.of(), "status", "OFFERED", "offer",
					Map.of("token", "offer-token", "status", "OPEN", "start", "2026-12-04T10:00:00-08:00", "end",
							"2026-12-04T11:15:00-08:00", "expiresAt", "2026-12-01T10:30:00-08:00", "locationId",
							"walnut-creek", "zoneId", "America/Los_Angeles"))));

		this.mvc.perform(get("/waitlist/place-token"))
			.andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(content().string(containsString("Friday, December 4, 2026 at 10:00 AM PST")))
			.andExpect(content().string(containsString("10:30 AM PST today")))
			.andExpect(content().string(containsString("href=\"/offer/offer-token\"")))
			.andExpect(content().string(containsString("December 3 to December 20, 2026")))
			.andExpect(content().string(containsString("Any of our locations")))
			.andExpect(content().string(containsString("Leave the waitlist")));
	}

	@Test
	void leavingSaysSo() throws Exception {
		this.mvc.perform(post("/waitlist/place-token/leave"))
			.andExpect(redirectedUrl("/waitlist/place-token"))
			.andExpect(flash().attribute("done", containsString("You have left the waitlist")));
		verify(this.services).leaveWaitlist("place-token");
	}

	@Test
	void anOpenOfferIsBookedInOneClickAndConfirmedLikeABooking() throws Exception {
		given(this.services.waitlistOffer("offer-token")).willReturn(Optional.of(offer("OPEN")));
		this.mvc.perform(get("/offer/offer-token"))
			.andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(content().string(containsString("Book this time")))
			.andExpect(content().string(containsString("Friday, December 4, 2026 at 10:00 AM PST")));

		given(this.services.claimOffer(eq("offer-token"), anyMap()))
			.willReturn(Map.of("id", "b1", "status", "CONFIRMED", "manage", Map.of("token", "manage-token")));
		MvcResult claimed = this.mvc.perform(post("/offer/offer-token/book"))
			.andExpect(redirectedUrl("/offer/offer-token/booked"))
			.andReturn();

		given(this.services.waitlistOffer("offer-token")).willReturn(Optional.of(offer("CLAIMED")));
		this.mvc.perform(get("/offer/offer-token/booked").flashAttrs(claimed.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You are booked")))
			.andExpect(content().string(containsString("href=\"/manage/manage-token\"")));
		// without the flash (a reload), the offer's own page says it was booked
		this.mvc.perform(get("/offer/offer-token/booked")).andExpect(redirectedUrl("/offer/offer-token"));
		this.mvc.perform(get("/offer/offer-token"))
			.andExpect(content().string(containsString("You have booked this time")))
			.andExpect(content().string(not(containsString("Book this time"))));
	}

	@Test
	void anOfferOfATreatmentWithAPolicyIsAcceptedWithACardAndARefusalIsSaidAtTheCard() throws Exception {
		given(this.services.waitlistOffer("offer-token")).willReturn(Optional.of(offer("OPEN")));
		given(this.services.policy(anyString(), anyString()))
			.willReturn(Optional.of(Map.of("version", 3, "terms", Map.of("deposit", 5000, "currency", "USD",
					"cardOnFile", true, "lateCancelWindow", "PT48H", "lateCancelFee", 5000, "noShowFee", 10000))));
		this.mvc.perform(get("/offer/offer-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("$50.00 deposit, charged now")))
			.andExpect(content().string(containsString("I accept this policy")))
			.andExpect(content().string(containsString("id=\"paymentMethod\"")));

		given(this.services.claimOffer(eq("offer-token"), anyMap()))
			.willThrow(new ServiceProblem(402, "payment-declined", "The card was declined.", Map.of()));
		MvcResult declined = this.mvc
			.perform(post("/offer/offer-token/book").param("acceptedPolicy", "3")
				.param("paymentMethod", "pm_decline_insufficient_funds"))
			.andExpect(redirectedUrl("/offer/offer-token"))
			.andReturn();
		verify(this.services).claimOffer("offer-token",
				Map.of("policyAcceptance", Map.of("version", 3), "paymentMethod", "pm_decline_insufficient_funds"));
		this.mvc.perform(get("/offer/offer-token").flashAttrs(declined.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"card-error\"")))
			.andExpect(content().string(containsString("checked")));
	}

	@Test
	void anOfferThatWentToSomeoneElseIsExplainedKindly() throws Exception {
		given(this.services.claimOffer(eq("offer-token"), anyMap()))
			.willThrow(new ServiceProblem(409, "offer-taken", "Taken", Map.of()));
		MvcResult refused = this.mvc.perform(post("/offer/offer-token/book"))
			.andExpect(redirectedUrl("/offer/offer-token"))
			.andReturn();

		given(this.services.waitlistOffer("offer-token")).willReturn(Optional.of(offer("TAKEN")));
		this.mvc.perform(get("/offer/offer-token").flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else booked this time just before you")))
			.andExpect(content().string(containsString("You are still on the waitlist")))
			.andExpect(content().string(not(containsString("Book this time"))));
	}

	@Test
	void anUnknownOfferIsAFriendlyNotFound() throws Exception {
		given(this.services.waitlistOffer("nothing")).willReturn(Optional.empty());
		this.mvc.perform(get("/offer/nothing"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link does not open an offer")));
	}

	private static Map<String, Object> offer(String status) {
		return Map.of("offerId", "o1", "status", status, "treatmentId", "microneedling", "locationId", "walnut-creek",
				"zoneId", "America/Los_Angeles", "start", "2026-12-04T10:00:00-08:00", "end",
				"2026-12-04T11:15:00-08:00", "expiresAt", "2026-12-01T10:30:00-08:00");
	}

}
