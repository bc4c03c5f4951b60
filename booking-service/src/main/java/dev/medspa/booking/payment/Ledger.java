package dev.medspa.booking.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.medspa.booking.policy.PolicyTerms;
import dev.medspa.events.BookingId;
import dev.medspa.events.booking.PaymentRecorded;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The money of one booking: the policy version it accepted, the provider's token of the
 * client's payment method, and one line per movement. Lines are added pending and then
 * settled, each change a compare-and-set on {@code revision}.
 *
 * @param bookingId the booking's id, which is also the document's
 * @param customer how the provider knows the client: a reference of ours, no name or
 * address
 * @param paymentMethod the provider's token; never a card number
 * @param terms the accepted version's terms, kept here as they were
 */
@Document(Ledger.COLLECTION)
public record Ledger(@Id String bookingId, String locationId, String customer, @Nullable String paymentMethod,
		String policyId, int policyVersion, PolicyTerms terms, Instant acceptedAt, List<Line> lines, long revision) {

	public static final String COLLECTION = "payment_ledgers";

	public Ledger {
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

	public enum LineStatus {

		PENDING, SUCCEEDED, REQUIRES_ACTION, FAILED, WAIVED

	}

	/**
	 * One movement.
	 *
	 * @param amount minor units
	 * @param key the idempotency key it is sent under
	 * @param providerId the provider's id of the payment or refund
	 * @param note why this amount, or why waived
	 */
	public record Line(Movement kind, long amount, String currency, LineStatus status, String key,
			@Nullable String providerId, @Nullable String declineCode, @Nullable String message, Instant createdAt,
			@Nullable Instant settledAt, @Nullable String note) {

		Line settled(PaymentProvider.Outcome outcome, Instant now) {
			LineStatus next = switch (outcome.status()) {
				case SUCCEEDED -> LineStatus.SUCCEEDED;
				case REQUIRES_ACTION -> LineStatus.REQUIRES_ACTION;
				case FAILED -> LineStatus.FAILED;
			};
			return new Line(this.kind, this.amount, this.currency, next, this.key, outcome.id(), outcome.declineCode(),
					outcome.message(), this.createdAt, now, this.note);
		}

		Line waived(String reason, Instant now) {
			return new Line(this.kind, this.amount, this.currency, LineStatus.WAIVED, this.key, this.providerId,
					this.declineCode, this.message, this.createdAt, now, "waived: " + reason);
		}

		boolean succeeded() {
			return this.status == LineStatus.SUCCEEDED;
		}

	}

	public Optional<Line> line(Movement kind) {
		return this.lines.stream().filter(line -> line.kind() == kind).findFirst();
	}

	Optional<Line> lineByKey(String key) {
		return this.lines.stream().filter(line -> line.key().equals(key)).findFirst();
	}

	/** The ledger with a line more, one revision on. */
	Ledger with(Line line) {
		List<Line> all = new ArrayList<>(this.lines);
		all.add(line);
		return new Ledger(this.bookingId, this.locationId, this.customer, this.paymentMethod, this.policyId,
				this.policyVersion, this.terms, this.acceptedAt, all, this.revision + 1);
	}

	/** The ledger with a line replaced (by its key), one revision on. */
	Ledger replacing(Line line) {
		List<Line> all = new ArrayList<>();
		for (Line each : this.lines) {
			all.add(each.key().equals(line.key()) ? line : each);
		}
		return new Ledger(this.bookingId, this.locationId, this.customer, this.paymentMethod, this.policyId,
				this.policyVersion, this.terms, this.acceptedAt, all, this.revision + 1);
	}

	/**
	 * An event for each line that is settled here and was not, or not so, in the ledger
	 * this one was made from: a new settled line, or a status that changed.
	 */
	List<PaymentRecorded> settledSince(Ledger before, Instant now) {
		List<PaymentRecorded> events = new ArrayList<>();
		for (Line line : this.lines) {
			if (line.status() == LineStatus.PENDING) {
				continue;
			}
			Optional<Line> earlier = before.lineByKey(line.key());
			if (earlier.isEmpty() || earlier.get().status() != line.status()) {
				events.add(new PaymentRecorded(new BookingId(this.bookingId), line.kind().name(), line.amount(),
						line.currency(), line.status().name(), line.providerId(), line.declineCode(),
						this.policyVersion, (line.settledAt() != null) ? line.settledAt() : now));
			}
		}
		return events;
	}

	/** What the client paid as a deposit, and has not had back. */
	long depositHeld() {
		long paid = line(Movement.DEPOSIT).filter(Line::succeeded).map(Line::amount).orElse(0L);
		long back = this.lines.stream()
			.filter(line -> (line.kind() == Movement.DEPOSIT_REFUND || line.kind() == Movement.WAIVER_DEPOSIT_REFUND)
					&& line.status() != LineStatus.FAILED)
			.mapToLong(Line::amount)
			.sum();
		return paid - back;
	}

}
