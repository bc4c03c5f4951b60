package dev.medspa.booking.policy;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Sets and reads cancellation policies, and checks that a booking accepted the one in
 * force. A location's own policy for a treatment overrides the treatment's policy for
 * every location.
 */
@Service
public class Policies {

	/** The problem type of a booking without the acceptance of the current policy. */
	public static final String NOT_ACCEPTED = "policy-not-accepted";

	private static final Duration LONGEST_WINDOW = Duration.ofDays(30);

	private static final long LARGEST_AMOUNT = 10_000_000;

	private final CancellationPolicies store;

	private final CatalogReadModel catalog;

	private final Clock clock;

	Policies(CancellationPolicies store, CatalogReadModel catalog, Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * The policy a client books under at a location: the location's own, else the
	 * treatment's.
	 */
	public Optional<CancellationPolicy> effective(String treatmentId, String locationId) {
		return this.store.byId(CancellationPolicy.idOf(treatmentId, locationId))
			.or(() -> this.store.byId(CancellationPolicy.idOf(treatmentId, null)));
	}

	/** The policy of a treatment at one location (its own only), or everywhere. */
	public Optional<CancellationPolicy> byScope(String treatmentId, @Nullable String locationId) {
		return this.store.byId(CancellationPolicy.idOf(treatmentId, locationId));
	}

	/** One version of a policy, as a booking accepted it. */
	public Optional<CancellationPolicy.Version> version(String policyId, int number) {
		return this.store.byId(policyId).flatMap(policy -> policy.version(number));
	}

	/**
	 * What terms a new version would have, checked: the currency is the treatment's when
	 * not given, amounts are whole minor units, fees can be collected.
	 */
	public record Change(@Nullable String currency, long deposit, boolean cardOnFile, Duration lateCancelWindow,
			long lateCancelFee, long noShowFee) {
	}

	/**
	 * Adds a version to the policy of a treatment at a location (or everywhere when
	 * null).
	 * @param by who changes it
	 */
	public CancellationPolicy change(String treatmentId, @Nullable String locationId, Change change, String by) {
		CatalogTreatment treatment = this.catalog.treatment(treatmentId)
			.orElseThrow(() -> Refusal.unprocessable("unknown-treatment", "Unknown treatment", "treatmentId",
					"No treatment has the id " + treatmentId));
		if (locationId != null && this.catalog.location(locationId).isEmpty()) {
			throw Refusal.unprocessable("unknown-location", "Unknown location", "locationId",
					"No location has the id " + locationId);
		}
		PolicyTerms terms = terms(treatment, change);
		for (int attempt = 0; attempt < 5; attempt++) {
			Optional<CancellationPolicy> current = this.store.byId(CancellationPolicy.idOf(treatmentId, locationId));
			if (current.isEmpty()) {
				CancellationPolicy first = CancellationPolicy.first(treatmentId, locationId, terms,
						this.clock.instant(), by);
				if (this.store.insertFirst(first)) {
					return first;
				}
				continue;
			}
			CancellationPolicy next = current.get().next(terms, this.clock.instant(), by);
			if (this.store.replace(next)) {
				return next;
			}
		}
		throw Refusal.conflict("policy-busy", "Policy being changed", null,
				"The policy is being changed by someone else; read it again and repeat your change");
	}

	/** Stores a first version unless the policy exists: what demo data does. */
	public boolean addIfAbsent(String treatmentId, @Nullable String locationId, PolicyTerms terms, String by) {
		return this.store
			.insertFirst(CancellationPolicy.first(treatmentId, locationId, terms, this.clock.instant(), by));
	}

	private static PolicyTerms terms(CatalogTreatment treatment, Change change) {
		String currency = change.currency() != null ? change.currency() : treatment.currency();
		if (currency == null) {
			throw Refusal.invalid("currency", "is required: the treatment's currency is not known here yet");
		}
		if (treatment.currency() != null && !treatment.currency().equals(currency)) {
			throw Refusal.invalid("currency", "must be the treatment's currency, " + treatment.currency());
		}
		try {
			Currency.getInstance(currency);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid("currency", "must be an ISO 4217 code");
		}
		amount("deposit", change.deposit());
		amount("lateCancelFee", change.lateCancelFee());
		amount("noShowFee", change.noShowFee());
		if (change.lateCancelWindow().isNegative() || change.lateCancelWindow().compareTo(LONGEST_WINDOW) > 0) {
			throw Refusal.invalid("lateCancelWindow", "must be between PT0S and P30D");
		}
		boolean fees = change.lateCancelFee() > 0 || change.noShowFee() > 0;
		if (fees && change.deposit() == 0 && !change.cardOnFile()) {
			throw Refusal.invalid("cardOnFile",
					"must be true when there are fees and no deposit: a fee is charged to the card on file");
		}
		return new PolicyTerms(currency, change.deposit(), change.cardOnFile(), change.lateCancelWindow(),
				change.lateCancelFee(), change.noShowFee());
	}

	private static void amount(String field, long minorUnits) {
		if (minorUnits < 0 || minorUnits > LARGEST_AMOUNT) {
			throw Refusal.invalid(field, "must be 0 to " + LARGEST_AMOUNT + " minor units of the currency");
		}
	}

	/** The policy version a booking accepted, and its terms. */
	public record Accepted(String policyId, int version, PolicyTerms terms) {
	}

	/**
	 * Checks that a booking accepted the version in force of the treatment's policy at
	 * the location, and that it brings a payment method where the policy asks for one.
	 * @param paidAhead a prepaid package pays for it: no card is asked for
	 * @return nothing when no policy applies
	 */
	public Optional<Accepted> requireAccepted(String treatmentId, String locationId, @Nullable Integer acceptedVersion,
			@Nullable String paymentMethod, boolean paidAhead) {
		Optional<CancellationPolicy> policy = effective(treatmentId, locationId);
		if (policy.isEmpty()) {
			return Optional.empty();
		}
		CancellationPolicy.Version current = policy.get().latest();
		if (acceptedVersion == null || acceptedVersion != current.number()) {
			throw Refusal
				.unprocessable(NOT_ACCEPTED, "Policy not accepted", "policyAcceptance",
						(acceptedVersion == null ? "This treatment's cancellation policy must be accepted"
								: "The cancellation policy has changed since it was accepted")
								+ "; read it (GET /api/policies) and accept version " + current.number())
				.with("currentVersion", current.number());
		}
		if (current.terms().needsPaymentMethod() && paymentMethod == null && !paidAhead) {
			throw Refusal.unprocessable("payment-method-required", "Payment method required", "paymentMethod",
					"This treatment's policy asks for a deposit or a card on file: send the payment method token "
							+ "from the payment provider");
		}
		return Optional.of(new Accepted(policy.get().id(), current.number(), current.terms()));
	}

}
