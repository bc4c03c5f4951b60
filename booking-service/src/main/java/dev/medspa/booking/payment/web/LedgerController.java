package dev.medspa.booking.payment.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.payment.Ledger;
import dev.medspa.booking.payment.Payments;
import dev.medspa.booking.policy.PolicyTerms;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.support.Refusal;
import dev.medspa.support.audit.Audit;
import dev.medspa.support.security.StaffClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "A booking's money: deposit, fees, refunds and waivers")
class LedgerController {

	private final BookingService bookings;

	private final Payments payments;

	LedgerController(BookingService bookings, Payments payments) {
		this.bookings = bookings;
		this.payments = payments;
	}

	@Operation(summary = "Read a booking's ledger",
			description = "Staff of the booking's location (403 otherwise): the policy version the client accepted "
					+ "and when, and every money movement (deposit, fees, refunds) with its status. No card data: the "
					+ "payment method is the provider's token, shown only as present or not.")
	@GetMapping("/api/staff/bookings/{id}/ledger")
	LedgerView ledger(@PathVariable String id, Authentication caller) {
		scoped(id, caller);
		return this.payments.ledger(id).map(LedgerView::of).orElseGet(() -> LedgerView.empty(id));
	}

	@Operation(summary = "Waive a booking's fee",
			description = "Staff of the booking's location, with a `reason` (kept in the audit log and on the line): "
					+ "what was charged for the late-cancel or no-show fee, and the deposit kept towards it, are "
					+ "refunded. 409 `no-fee` without a fee, `fee-in-flight` while it is being charged.")
	@PostMapping("/api/staff/bookings/{id}/ledger/waiver")
	LedgerView waive(@PathVariable String id, @Valid @RequestBody Waiver waiver, Authentication caller) {
		scoped(id, caller);
		String reason = String.valueOf(waiver.reason());
		Audit.because(reason);
		return LedgerView.of(this.payments.waive(id, reason));
	}

	/**
	 * Checks that the caller works where the booking is; a ledger whose booking was never
	 * stored (a deposit taken, then a crash) is found by its own location.
	 */
	private void scoped(String id, Authentication caller) {
		String locationId = this.bookings.find(id)
			.map(Booking::locationId)
			.or(() -> this.payments.ledger(id).map(Ledger::locationId))
			.orElseThrow(() -> Refusal.notFound("Booking", "No booking has the id " + id));
		if (!StaffClaims.worksAt(caller, locationId)) {
			throw Refusal.forbidden("You do not work at " + locationId);
		}
	}

	record Waiver(@NotBlank @Size(max = 500) @Nullable String reason) {
	}

	record LedgerView(String bookingId, @Nullable String policyId, @Nullable Integer policyVersion,
			@Nullable Instant acceptedAt, @Nullable PolicyTerms terms, boolean paymentMethodOnFile,
			List<LineView> lines) {

		static LedgerView of(Ledger ledger) {
			return new LedgerView(ledger.bookingId(), ledger.policyId(), ledger.policyVersion(), ledger.acceptedAt(),
					ledger.terms(), ledger.paymentMethod() != null,
					ledger.lines()
						.stream()
						.map(line -> new LineView(line.kind().name(), line.amount(), line.currency(),
								line.status().name(), line.key(), line.providerId(), line.declineCode(), line.message(),
								line.createdAt(), line.settledAt(), line.note()))
						.toList());
		}

		static LedgerView empty(String bookingId) {
			return new LedgerView(bookingId, null, null, null, null, false, List.of());
		}

	}

	record LineView(String kind, long amount, String currency, String status, String idempotencyKey,
			@Nullable String providerId, @Nullable String declineCode, @Nullable String message, Instant createdAt,
			@Nullable Instant settledAt, @Nullable String note) {
	}

}
