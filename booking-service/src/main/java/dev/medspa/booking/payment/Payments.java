package dev.medspa.booking.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.medspa.booking.policy.Policies;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Moves a booking's money per the policy version it accepted. Each movement is first
 * noted as pending work and written as a pending ledger line, then sent to the provider
 * under the key {@code <booking>:<movement>}, then settled; a crash anywhere in between
 * leaves the pending work, and {@link #resend} sends it again under the same key, which
 * the provider answers with its first result. So no movement happens twice.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	public static final String DECLINED = "payment-declined";

	private final Ledgers ledgers;

	private final PaymentProvider provider;

	private final PaymentsProperties properties;

	private final Clock clock;

	Payments(Ledgers ledgers, PaymentProvider provider, PaymentsProperties properties, Clock clock) {
		this.ledgers = ledgers;
		this.provider = provider;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Takes what the accepted policy asks at booking, before the booking is stored: the
	 * deposit, or the card alone. A declined card is refused with the provider's reason;
	 * the caller then lets the slot go. Once the booking is stored, call
	 * {@link #bookingStored}.
	 */
	public void atBooking(String bookingId, String locationId, Policies.Accepted accepted,
			@Nullable String paymentMethod) {
		if (!accepted.terms().needsPaymentMethod() || paymentMethod == null) {
			open(bookingId, locationId, accepted, paymentMethod);
			return;
		}
		open(bookingId, locationId, accepted, paymentMethod);
		Movement kind = accepted.terms().deposit() > 0 ? Movement.DEPOSIT : Movement.CARD;
		Ledger.Line line;
		try {
			line = move(bookingId, kind, accepted.terms().deposit(), "per policy version " + accepted.version());
		}
		catch (PaymentProvider.Unavailable ex) {
			throw Refusal.unavailable("payment-unavailable",
					"The payment provider cannot be reached just now; nothing was booked. Try again in a minute.");
		}
		if (line.status() == Ledger.LineStatus.PENDING) {
			throw Refusal.unavailable("payment-unavailable",
					"The payment for this booking is still being made; nothing was booked. Try again in a minute.");
		}
		if (line.status() != Ledger.LineStatus.SUCCEEDED) {
			this.ledgers.done(line.key());
			boolean action = line.status() == Ledger.LineStatus.REQUIRES_ACTION;
			throw Refusal
				.unprocessable(DECLINED, action ? "Payment needs confirmation" : "Payment declined", "paymentMethod",
						action ? "The card's bank asks for a confirmation this booking cannot ask for; use another card"
								: "The payment provider declined the card: "
										+ (line.message() == null ? "no reason given" : line.message()))
				.with("declineCode", String.valueOf(line.declineCode()));
		}
	}

	/** The booking is stored: its deposit or card needs no more looking after. */
	public void bookingStored(String bookingId) {
		this.ledgers.done(Movement.DEPOSIT.keyOf(bookingId));
		this.ledgers.done(Movement.CARD.keyOf(bookingId));
	}

	private void open(String bookingId, String locationId, Policies.Accepted accepted, @Nullable String paymentMethod) {
		this.ledgers.open(new Ledger(bookingId, locationId, "booking:" + bookingId, paymentMethod, accepted.policyId(),
				accepted.version(), accepted.terms(), this.clock.instant(), List.of(), 1));
	}

	/**
	 * A booking was cancelled. A client's cancellation inside the accepted window costs
	 * the late-cancel fee, towards which the deposit is kept; any other cancellation (in
	 * time, or by the clinic) gives the deposit back. Sent now; if the provider cannot be
	 * reached, the sweeper sends it later. Called again for the same cancellation (when
	 * its event is read back), it changes nothing.
	 */
	public void cancelled(String bookingId, Instant start, boolean byClient, Instant cancelledAt) {
		Optional<Ledger> ledger = this.ledgers.byId(bookingId);
		if (ledger.isEmpty()) {
			return;
		}
		if (byClient && ledger.get().terms().late(start, cancelledAt)) {
			fee(ledger.get(), Movement.LATE_CANCEL_FEE, ledger.get().terms().lateCancelFee());
		}
		else {
			refundDeposit(ledger.get(), Movement.DEPOSIT_REFUND, ledger.get().depositHeld(),
					byClient ? "cancelled in time" : "cancelled by the clinic");
		}
	}

	/** The client did not come: the no-show fee, towards which the deposit is kept. */
	public void noShow(String bookingId) {
		this.ledgers.byId(bookingId).ifPresent(ledger -> fee(ledger, Movement.NO_SHOW_FEE, ledger.terms().noShowFee()));
	}

	private void fee(Ledger ledger, Movement kind, long fee) {
		long deposit = ledger.depositHeld();
		long kept = Math.min(fee, deposit);
		long charge = fee - kept;
		String currency = ledger.terms().currency();
		String note = "fee " + fee + " " + currency + " (minor units) per policy version " + ledger.policyVersion()
				+ (kept > 0 ? "; " + kept + " kept from the deposit" : "");
		sendQuietly(() -> {
			if (charge > 0) {
				move(ledger.bookingId(), kind, charge, note);
			}
			else {
				settledWithoutProvider(ledger.bookingId(), kind, note);
			}
		});
		if (deposit > kept) {
			refundDeposit(ledger, Movement.DEPOSIT_REFUND, deposit - kept, "what the fee left of the deposit");
		}
	}

	private void refundDeposit(Ledger ledger, Movement kind, long amount, String note) {
		if (amount > 0) {
			sendQuietly(() -> move(ledger.bookingId(), kind, amount, note));
		}
	}

	/**
	 * Staff waive the booking's fee: what was charged for it, and the deposit kept
	 * towards it, go back to the client; a fee that failed is only marked waived.
	 */
	public Ledger waive(String bookingId, String reason) {
		Ledger ledger = this.ledgers.byId(bookingId)
			.orElseThrow(() -> Refusal.conflict("no-fee", "No fee", null, "This booking has no fee to waive"));
		Ledger.Line fee = ledger.lines()
			.stream()
			.filter(line -> line.kind().fee())
			.findFirst()
			.orElseThrow(() -> Refusal.conflict("no-fee", "No fee", null, "This booking has no fee to waive"));
		if (fee.status() == Ledger.LineStatus.WAIVED) {
			return ledger;
		}
		if (fee.status() == Ledger.LineStatus.PENDING) {
			throw Refusal.conflict("fee-in-flight", "Fee being charged", null,
					"The fee is being charged just now; waive it in a minute");
		}
		Ledger.Line waived = fee.waived(reason, this.clock.instant());
		Ledger current = update(bookingId, each -> each.replacing(waived));
		if (fee.succeeded()) {
			long kept = current.depositHeld();
			sendQuietly(() -> {
				if (fee.amount() > 0) {
					move(bookingId, Movement.FEE_REFUND, fee.amount(), "fee waived");
				}
			});
			refundDeposit(current, Movement.WAIVER_DEPOSIT_REFUND, kept, "fee waived");
		}
		return this.ledgers.byId(bookingId).orElseThrow();
	}

	public Optional<Ledger> ledger(String bookingId) {
		return this.ledgers.byId(bookingId);
	}

	/**
	 * Sends again a movement left pending, under its own key, if no other instance works
	 * on it; a deposit whose booking was never stored is given back.
	 */
	void resend(Ledgers.Pending pending) {
		Instant now = this.clock.instant();
		if (this.ledgers.lease(pending.key(), now, now.plus(this.properties.lease())).isEmpty()) {
			return;
		}
		Optional<Ledger> ledger = this.ledgers.byId(pending.bookingId());
		Optional<Ledger.Line> line = ledger.flatMap(each -> each.lineByKey(pending.key()));
		if (line.isEmpty()) {
			this.ledgers.done(pending.key());
			return;
		}
		Ledger.Line settled = line.get().status() == Ledger.LineStatus.PENDING ? send(ledger.get(), line.get())
				: line.get();
		if (settled.kind() == Movement.DEPOSIT && settled.succeeded()
				&& !this.ledgers.bookingExists(pending.bookingId())) {
			log.warn("Deposit {} taken for a booking never stored: refunding it", settled.key());
			move(pending.bookingId(), Movement.DEPOSIT_REFUND, settled.amount(), "the booking was never stored");
		}
		this.ledgers.done(pending.key());
	}

	List<Ledgers.Pending> pending(int limit) {
		return this.ledgers.pending(limit);
	}

	/**
	 * Notes, writes and sends one movement. A movement made before (or being made by
	 * another call) is answered as it stands and not sent again here: a pending one is
	 * the sweeper's to send again, under its lease.
	 */
	private Ledger.Line move(String bookingId, Movement kind, long amount, String note) {
		Ledger before = this.ledgers.byId(bookingId).orElseThrow();
		Optional<Ledger.Line> existing = before.line(kind);
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = this.clock.instant();
		String key = kind.keyOf(bookingId);
		this.ledgers.pend(key, bookingId, now.plus(this.properties.lease()));
		Ledger.Line line = new Ledger.Line(kind, amount, before.terms().currency(), Ledger.LineStatus.PENDING, key,
				null, null, null, now, null, note);
		Ledger written = update(bookingId, each -> each.line(kind).isPresent() ? each : each.with(line));
		Ledger.Line stored = written.line(kind).orElseThrow();
		if (stored != line) {
			// another call wrote it first, and sends it
			return stored;
		}
		Ledger.Line settled = send(written, line);
		if (!kind.atBooking()) {
			this.ledgers.done(key);
		}
		return settled;
	}

	/** A fee the deposit covers whole: a settled line, and nothing sent. */
	private void settledWithoutProvider(String bookingId, Movement kind, String note) {
		Instant now = this.clock.instant();
		update(bookingId,
				each -> each.line(kind).isPresent() ? each : each.with(new Ledger.Line(kind, 0, each.terms().currency(),
						Ledger.LineStatus.SUCCEEDED, kind.keyOf(bookingId), null, null, null, now, now, note)));
	}

	private Ledger.Line send(Ledger ledger, Ledger.Line line) {
		PaymentProvider.Outcome outcome = switch (line.kind()) {
			case CARD -> this.provider.keepCard(line.key(), ledger.customer(), paymentMethod(ledger));
			case DEPOSIT, LATE_CANCEL_FEE, NO_SHOW_FEE -> this.provider.charge(line.key(), ledger.customer(),
					paymentMethod(ledger), line.amount(), line.currency());
			case DEPOSIT_REFUND, WAIVER_DEPOSIT_REFUND ->
				this.provider.refund(line.key(), paymentOf(ledger, Movement.DEPOSIT), line.amount());
			case FEE_REFUND -> this.provider.refund(line.key(), feePayment(ledger), line.amount());
		};
		Ledger.Line settled = line.settled(outcome, this.clock.instant());
		update(ledger.bookingId(),
				each -> each.lineByKey(line.key())
					.filter(current -> current.status() == Ledger.LineStatus.PENDING)
					.map(current -> each.replacing(settled))
					.orElse(each));
		return settled;
	}

	private static String paymentMethod(Ledger ledger) {
		if (ledger.paymentMethod() == null) {
			throw new IllegalStateException("Booking " + ledger.bookingId() + " has no payment method");
		}
		return ledger.paymentMethod();
	}

	private static String paymentOf(Ledger ledger, Movement kind) {
		return ledger.line(kind)
			.map(Ledger.Line::providerId)
			.orElseThrow(() -> new IllegalStateException("Booking " + ledger.bookingId() + " has no " + kind));
	}

	private static String feePayment(Ledger ledger) {
		return ledger.lines()
			.stream()
			.filter(line -> line.kind().fee() && line.providerId() != null)
			.map(Ledger.Line::providerId)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Booking " + ledger.bookingId() + " has no fee paid"));
	}

	/**
	 * Changes the ledger by compare-and-set, reading it again when another was faster.
	 */
	private Ledger update(String bookingId, java.util.function.UnaryOperator<Ledger> change) {
		for (int attempt = 0; attempt < 10; attempt++) {
			Ledger current = this.ledgers.byId(bookingId).orElseThrow();
			Ledger next = change.apply(current);
			if (next == current || this.ledgers.replace(current, next, this.clock.instant())) {
				return next;
			}
		}
		throw new IllegalStateException("The ledger of " + bookingId + " keeps changing");
	}

	/**
	 * Sends a movement after the booking changed; if the provider cannot be reached, the
	 * pending work stays for the sweeper.
	 */
	private void sendQuietly(Runnable movement) {
		try {
			movement.run();
		}
		catch (PaymentProvider.Unavailable ex) {
			log.warn("Payment provider unavailable; the sweeper will send the movement again: {}", ex.getMessage());
		}
	}

}
