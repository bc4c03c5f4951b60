package dev.medspa.gateway.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A booking's money on its staff page, in a web slice against stubbed services: the
 * ledger's lines in words and money, and a form to waive a fee with a reason; no section
 * where the ledger cannot be read.
 */
@WebMvcTest(StaffPages.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(StaffPaymentsSliceTest.Fixed.class)
class StaffPaymentsSliceTest {

	static class Fixed {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);
		}

	}

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
	void aCancelledBooking() {
		given(this.services.staffBooking("b1")).willReturn(Map.of("id", "b1", "treatmentId", "microneedling",
				"locationId", "walnut-creek", "zoneId", "America/Los_Angeles", "start", "2026-12-02T10:00:00-08:00",
				"status", "CANCELLED", "practitionerId", "maya-chen", "roomId", "room-1", "client", Map.of("name",
						"Ana Gomez", "email", "ana@example.com", "phone", "+1 925 555 0199", "consentToSms", false)));
		given(this.services.ledger("b1")).willReturn(Map.of());
	}

	@Test
	void theLedgerLinesAndTheWaiverFormAreShown() throws Exception {
		given(this.services.payments("b1")).willReturn(Optional.of(Map.of("bookingId", "b1", "policyVersion", 3,
				"acceptedAt", "2026-11-20T17:00:00Z", "paymentMethodOnFile", true, "lines",
				List.of(line("DEPOSIT", 5000, "SUCCEEDED", "2026-11-20T17:00:01Z", "per policy version 3"),
						line("LATE_CANCEL_FEE", 0, "SUCCEEDED", "2026-12-01T17:00:00Z", "deposit kept towards it")))));

		this.mvc.perform(get("/staff/bookings/b1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h2>Payments</h2>")))
			.andExpect(content().string(containsString("Policy version 3, accepted Friday, November 20, 2026")))
			.andExpect(content().string(containsString("Card on file.")))
			.andExpect(content().string(containsString("<td>Deposit</td><td>$50.00</td>")))
			.andExpect(content().string(containsString("<td>succeeded</td>")))
			.andExpect(content().string(containsString("<td>Late-cancellation fee</td><td>$0.00</td>")))
			.andExpect(content().string(containsString("action=\"/staff/bookings/b1/fee-waiver\"")))
			.andExpect(content().string(containsString("Waive fee")));
	}

	@Test
	void withoutAFeeThereIsNothingToWaive() throws Exception {
		given(this.services.payments("b1"))
			.willReturn(Optional.of(Map.of("bookingId", "b1", "policyVersion", 3, "paymentMethodOnFile", true, "lines",
					List.of(line("DEPOSIT", 5000, "SUCCEEDED", "2026-11-20T17:00:01Z", "per policy version 3")))));

		this.mvc.perform(get("/staff/bookings/b1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h2>Payments</h2>")))
			.andExpect(content().string(not(containsString("fee-waiver"))));
	}

	@Test
	void noPaymentsSectionWhenTheLedgerDoesNotAnswer() throws Exception {
		given(this.services.payments("b1")).willThrow(new ServiceProblem(503, "http-503", null, Map.of()));

		this.mvc.perform(get("/staff/bookings/b1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana Gomez")))
			.andExpect(content().string(not(containsString("Payments"))));
	}

	@Test
	void aFeeIsWaivedWithItsReason() throws Exception {
		this.mvc.perform(post("/staff/bookings/b1/fee-waiver").param("reason", " Family emergency "))
			.andExpect(redirectedUrl("/staff/bookings/b1"))
			.andExpect(flash().attribute("done", containsString("Fee waived")));
		verify(this.services).waiveFee("b1", "Family emergency");
	}

	@Test
	void aWaiverNeedsAReason() throws Exception {
		this.mvc.perform(post("/staff/bookings/b1/fee-waiver").param("reason", " "))
			.andExpect(redirectedUrl("/staff/bookings/b1"))
			.andExpect(flash().attribute("problem", "Give a reason for waiving the fee."));
		verify(this.services, never()).waiveFee(anyString(), any());
	}

	private static Map<String, Object> line(String kind, long amount, String status, String at, String note) {
		return Map.of("kind", kind, "amount", amount, "currency", "USD", "status", status, "idempotencyKey",
				"b1:" + kind, "createdAt", at, "settledAt", at, "note", note);
	}

}
