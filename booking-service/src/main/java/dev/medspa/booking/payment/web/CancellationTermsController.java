package dev.medspa.booking.payment.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.medspa.booking.payment.Ledger;
import dev.medspa.booking.payment.Movement;
import dev.medspa.booking.payment.Payments;
import dev.medspa.booking.prepaid.ClientPackage;
import dev.medspa.booking.prepaid.Packages;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.web.ClientLimits;
import dev.medspa.support.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What cancelling would cost the client now, so that the page asking "cancel this
 * appointment?" can say it before they confirm: the terms are those the booking was made
 * under, not today's.
 */
@RestController
@Tag(name = "Payments", description = "A booking's money: deposit, fees, refunds and waivers")
class CancellationTermsController {

	private final BookingService bookings;

	private final Payments payments;

	private final Packages packages;

	private final ClientLimits limits;

	private final Clock clock;

	CancellationTermsController(BookingService bookings, Payments payments, Packages packages, ClientLimits limits,
			Clock clock) {
		this.bookings = bookings;
		this.payments = payments;
		this.packages = packages;
		this.limits = limits;
		this.clock = clock;
	}

	@Operation(summary = "What cancelling now would cost, as the booking's client",
			description = "Public, with the manage link's key (404 when it opens nothing): from when a cancellation "
					+ "is late under the policy version the booking accepted (`lateFrom`, null when lateness costs "
					+ "nothing), whether it is late now, and what it costs then: the late-cancel `fee` with the "
					+ "`depositHeld` that counts towards it, or, for a session paid with a prepaid package, that the "
					+ "session is used up (`packageSession`).")
	@GetMapping("/api/manage/{token}/cancellation")
	CancellationView cancellation(@PathVariable String token, HttpServletRequest http) {
		Booking booking = this.bookings.byManageToken(token).orElseThrow(() -> {
			this.limits.manageMiss(http);
			return Refusal.notFound("Booking", "This link does not open a booking");
		});
		Instant now = this.clock.instant();
		Optional<ClientPackage.Credit> credit = this.packages.ofBooking(booking.id())
			.flatMap(bought -> bought.credit(booking.id()))
			.filter(each -> each.state() == ClientPackage.CreditState.HELD
					|| each.state() == ClientPackage.CreditState.USED);
		if (credit.isPresent()) {
			Instant from = credit.get().forfeitLate() && credit.get().lateCancelWindow() != null
					? booking.start().minus(credit.get().lateCancelWindow()) : null;
			return new CancellationView(from, from != null && !now.isBefore(from), 0, null, 0, true);
		}
		Optional<Ledger> ledger = this.payments.ledger(booking.id());
		if (ledger.isEmpty() || ledger.get().terms().lateCancelFee() <= 0) {
			return new CancellationView(null, false, 0, null, 0, false);
		}
		Instant from = booking.start().minus(ledger.get().terms().lateCancelWindow());
		long deposit = ledger.get()
			.line(Movement.DEPOSIT)
			.filter(line -> line.status() == Ledger.LineStatus.SUCCEEDED)
			.map(Ledger.Line::amount)
			.orElse(0L);
		return new CancellationView(from, !now.isBefore(from), ledger.get().terms().lateCancelFee(),
				ledger.get().terms().currency(), deposit, false);
	}

	/**
	 * @param lateFrom from when cancelling costs something; null when it never does
	 * @param lateNow whether cancelling now would be late
	 * @param fee the late-cancel fee in minor units, 0 for a package session
	 * @param depositHeld the deposit paid, which counts towards the fee
	 * @param packageSession the booking is paid with a package session, which a late
	 * cancellation uses up
	 */
	record CancellationView(@Nullable Instant lateFrom, boolean lateNow, long fee, @Nullable String currency,
			long depositHeld, boolean packageSession) {
	}

}
