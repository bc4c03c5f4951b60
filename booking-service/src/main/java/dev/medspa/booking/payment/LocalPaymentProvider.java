package dev.medspa.booking.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.medspa.support.messaging.EventJson;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for a card-token provider on one machine: it moves no money, and writes each
 * customer, set-up, payment and refund as one JSON line to {@code payments.jsonl} in its
 * directory, where a developer (or a test) reads what would have happened. Like a real
 * provider it answers a repeated idempotency key with the first answer, also after a
 * restart, and declines payment methods whose token starts with {@code pm_decline} or is
 * in its list.
 */
public class LocalPaymentProvider implements PaymentProvider {

	public static final String JOURNAL = "payments.jsonl";

	private final Path journal;

	private final Set<String> declined;

	private final Clock clock;

	private @Nullable Map<String, Entry> byKey;

	private final Map<String, Entry> payments = new HashMap<>();

	public LocalPaymentProvider(Path directory, List<String> declined, Clock clock) {
		this.journal = directory.resolve(JOURNAL);
		this.declined = Set.copyOf(declined);
		this.clock = clock;
	}

	/**
	 * One line of the journal.
	 *
	 * @param op {@code customer}, {@code setup}, {@code charge} or {@code refund}
	 * @param paymentId for a refund, the charge it refunds
	 */
	public record Entry(String op, String id, String key, @Nullable String customer, @Nullable String paymentMethod,
			@Nullable String paymentId, long amount, @Nullable String currency, String status,
			@Nullable String declineCode, Instant at) {

		Outcome outcome() {
			return "failed".equals(this.status)
					? Outcome.failed(this.id, String.valueOf(this.declineCode), "The card was declined")
					: Outcome.succeeded(this.id);
		}

	}

	@Override
	public synchronized Outcome keepCard(String idempotencyKey, String customer, String paymentMethod) {
		return once(idempotencyKey, () -> {
			customer(customer);
			return entry("setup", "seti_", idempotencyKey, customer, paymentMethod, null, 0, null);
		});
	}

	@Override
	public synchronized Outcome charge(String idempotencyKey, String customer, String paymentMethod, long amount,
			String currency) {
		return once(idempotencyKey, () -> {
			customer(customer);
			return entry("charge", "pi_", idempotencyKey, customer, paymentMethod, null, amount, currency);
		});
	}

	@Override
	public synchronized Outcome refund(String idempotencyKey, String paymentId, long amount) {
		return once(idempotencyKey, () -> {
			Entry payment = this.payments.get(paymentId);
			if (payment == null || !"succeeded".equals(payment.status()) || amount > payment.amount()) {
				return new Entry("refund", "re_" + UUID.randomUUID(), idempotencyKey, null, null, paymentId, amount,
						null, "failed", "charge_not_refundable", this.clock.instant());
			}
			return new Entry("refund", "re_" + UUID.randomUUID(), idempotencyKey, payment.customer(), null, paymentId,
					amount, payment.currency(), "succeeded", null, this.clock.instant());
		});
	}

	/** Every line written so far, oldest first. */
	public synchronized List<Entry> entries() {
		return read();
	}

	private Entry entry(String op, String prefix, String key, String customer, String paymentMethod,
			@Nullable String paymentId, long amount, @Nullable String currency) {
		boolean decline = paymentMethod.startsWith("pm_decline") || this.declined.contains(paymentMethod);
		return new Entry(op, prefix + UUID.randomUUID(), key, customer, paymentMethod, paymentId, amount, currency,
				decline ? "failed" : "succeeded", decline ? "card_declined" : null, this.clock.instant());
	}

	private void customer(String customer) {
		String key = "customer:" + customer;
		if (!known().containsKey(key)) {
			append(new Entry("customer", "cus_" + UUID.randomUUID(), key, customer, null, null, 0, null, "succeeded",
					null, this.clock.instant()));
		}
	}

	private Outcome once(String key, java.util.function.Supplier<Entry> first) {
		Entry earlier = known().get(key);
		if (earlier != null) {
			return earlier.outcome();
		}
		Entry entry = first.get();
		append(entry);
		return entry.outcome();
	}

	private Map<String, Entry> known() {
		Map<String, Entry> known = this.byKey;
		if (known == null) {
			known = new HashMap<>();
			this.byKey = known;
			read().forEach(this::remember);
		}
		return known;
	}

	private void remember(Entry entry) {
		known().put(entry.key(), entry);
		if (entry.op().equals("charge")) {
			this.payments.put(entry.id(), entry);
		}
	}

	private void append(Entry entry) {
		try {
			Files.createDirectories(this.journal.getParent());
			Files.writeString(this.journal, EventJson.write(entry) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new Unavailable("The local payment journal cannot be written: " + ex.getMessage(), ex);
		}
		remember(entry);
	}

	private List<Entry> read() {
		if (!Files.exists(this.journal)) {
			return List.of();
		}
		try {
			List<Entry> entries = new ArrayList<>();
			for (String line : Files.readAllLines(this.journal, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					entries.add(EventJson.MAPPER.readValue(line, Entry.class));
				}
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
