package dev.medspa.booking.prepaid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.payment.PaymentProvider;
import dev.medspa.booking.payment.Payments;
import dev.medspa.booking.payment.PaymentsProperties;
import dev.medspa.booking.policy.PolicyTerms;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Sells packages and keeps their credits.
 * <p>
 * A purchase is stored pending, charged under the key {@code package:<id>} and then
 * settled. When the provider's answer is lost the buyer is told nothing was bought yet;
 * repeating the purchase (same id) sends the charge again under the same key, which the
 * provider answers with its first result. A purchase nobody came back for is finished by
 * the sweeper, which gives back a charge the buyer was never told of.
 * <p>
 * A booking made with the package holds a credit before it is stored (as a deposit is
 * taken), and the credit is used once it is. A crash in between leaves pending work,
 * which the sweeper settles by whether the booking was stored.
 */
@Service
public class Packages {

	private static final Logger log = LoggerFactory.getLogger(Packages.class);

	/** The problem type of a booking that asked for a credit and has none. */
	public static final String NO_CREDIT = "no-package-credit";

	private static final Pattern OFFER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	private static final int MOST_SESSIONS = 50;

	private static final long LARGEST_PRICE = 10_000_000;

	/**
	 * How many leases a buyer whose answer was lost has to repeat the purchase before the
	 * sweeper gives the charge back.
	 */
	private static final int PURCHASE_GRACE_LEASES = 10;

	private final PackageStore store;

	private final PaymentProvider provider;

	private final PaymentsProperties properties;

	private final CatalogReadModel catalog;

	private final Clock clock;

	Packages(PackageStore store, PaymentProvider provider, PaymentsProperties properties, CatalogReadModel catalog,
			Clock clock) {
		this.store = store;
		this.provider = provider;
		this.properties = properties;
		this.catalog = catalog;
		this.clock = clock;
	}

	// offers

	/** The offers clients can buy now, of one treatment or of all. */
	public List<PackageOffer> offers(@Nullable String treatmentId) {
		return this.store.offers()
			.stream()
			.filter(PackageOffer::active)
			.filter(offer -> treatmentId == null || offer.treatmentId().equals(treatmentId))
			.sorted(Comparator.comparing(PackageOffer::treatmentId).thenComparing(PackageOffer::sessions))
			.toList();
	}

	/** Every offer, also those no longer sold. */
	public List<PackageOffer> allOffers() {
		return this.store.offers().stream().sorted(Comparator.comparing(PackageOffer::id)).toList();
	}

	/** What an offer is to be; the currency is the treatment's. */
	public record OfferChange(String treatmentId, String name, int sessions, long price, boolean active) {
	}

	/**
	 * Creates or changes an offer. Packages bought before keep what they were bought
	 * with.
	 */
	public PackageOffer putOffer(String id, OfferChange change, String by) {
		if (!OFFER_ID.matcher(id).matches()) {
			throw Refusal.invalid("id", "must be 2 to 63 lower-case letters, digits and dashes");
		}
		CatalogTreatment treatment = this.catalog.treatment(change.treatmentId())
			.orElseThrow(() -> Refusal.unprocessable("unknown-treatment", "Unknown treatment", "treatmentId",
					"No treatment has the id " + change.treatmentId()));
		if (change.sessions() < 2 || change.sessions() > MOST_SESSIONS) {
			throw Refusal.invalid("sessions", "must be 2 to " + MOST_SESSIONS);
		}
		if (change.price() <= 0 || change.price() > LARGEST_PRICE) {
			throw Refusal.invalid("price", "must be 1 to " + LARGEST_PRICE + " minor units of the currency");
		}
		String currency = treatment.currency();
		if (currency == null) {
			throw Refusal.invalid("treatmentId", "has no price here yet; try again once the catalog is read");
		}
		Currency.getInstance(currency);
		PackageOffer offer = new PackageOffer(id, treatment.id(), change.name(), change.sessions(), change.price(),
				currency, change.active(), this.clock.instant(), by);
		this.store.save(offer);
		return offer;
	}

	/** Stores an offer unless one has its id: what demo data does. */
	public boolean addOfferIfAbsent(PackageOffer offer) {
		return this.store.addIfAbsent(offer);
	}

	// purchases

	/**
	 * A client's purchase.
	 *
	 * @param id chosen by the buyer's page once per purchase, so that sending it again is
	 * the same purchase
	 * @param clientEmail the normalised address the package belongs to
	 * @param clientPhone as the buyer gave it, if given
	 */
	public record Purchase(String id, String offerId, String clientEmail, String clientName,
			@Nullable String clientPhone, String paymentMethod) {
	}

	/**
	 * Buys a package: charged at once, usable once paid.
	 * @throws Refusal 422 {@code unknown-package-offer} or {@code payment-declined}, 409
	 * {@code purchase-id-taken} or {@code purchase-abandoned}, 503
	 * {@code payment-unavailable} (nothing bought yet; send the same purchase again)
	 */
	public ClientPackage buy(Purchase purchase) {
		Optional<ClientPackage> earlier = this.store.byId(purchase.id());
		if (earlier.isPresent()) {
			return again(earlier.get(), purchase);
		}
		PackageOffer offer = this.store.offer(purchase.offerId())
			.filter(PackageOffer::active)
			.orElseThrow(() -> Refusal.unprocessable("unknown-package-offer", "Unknown package", "offerId",
					"No package on sale has the id " + purchase.offerId()));
		Instant now = this.clock.instant();
		ClientPackage pending = ClientPackage.pending(purchase.id(), offer, purchase.clientEmail(),
				purchase.clientName(), purchase.clientPhone(), purchase.paymentMethod(), now);
		this.store.pend(new PackageStore.Pending(purchaseKey(purchase.id()), purchase.id(), null,
				now.plus(this.properties.lease().multipliedBy(PURCHASE_GRACE_LEASES))));
		if (!this.store.insert(pending)) {
			return again(this.store.byId(purchase.id()).orElseThrow(), purchase);
		}
		return charge(pending);
	}

	/** The same purchase sent again: answered as it stands, or charged again. */
	private ClientPackage again(ClientPackage earlier, Purchase purchase) {
		if (!earlier.clientEmail().equals(purchase.clientEmail()) || !earlier.offerId().equals(purchase.offerId())) {
			throw Refusal.conflict("purchase-id-taken", "Purchase id taken", "purchaseId",
					"Another purchase has this id; start the purchase again");
		}
		return switch (earlier.status()) {
			case PAID -> earlier;
			case DECLINED -> throw declined(earlier.declineCode());
			case REFUNDED -> throw abandoned();
			case PENDING -> charge(earlier);
		};
	}

	private ClientPackage charge(ClientPackage pending) {
		String key = purchaseKey(pending.id());
		PaymentProvider.Outcome outcome;
		try {
			outcome = this.provider.charge(key, key, pending.paymentMethod(), pending.price(), pending.currency());
		}
		catch (PaymentProvider.Unavailable ex) {
			throw Refusal.unavailable("payment-unavailable",
					"The payment provider cannot be reached just now; nothing was bought yet. Try again in a minute.");
		}
		ClientPackage settled = update(pending.id(), current -> {
			if (current.status() != ClientPackage.Status.PENDING) {
				return current;
			}
			return outcome.status() == PaymentProvider.Status.SUCCEEDED
					? current.paid(String.valueOf(outcome.id()), this.clock.instant())
					: current.declined(outcome.id(), outcome.status() == PaymentProvider.Status.REQUIRES_ACTION
							? "requires_action" : outcome.declineCode());
		});
		this.store.done(key);
		return switch (settled.status()) {
			case PAID -> settled;
			case DECLINED -> throw declined(settled.declineCode());
			case REFUNDED, PENDING -> throw abandoned();
		};
	}

	private static Refusal abandoned() {
		return Refusal.conflict("purchase-abandoned", "Purchase not completed", null,
				"This purchase was never completed and its payment was given back; start the purchase again");
	}

	private static Refusal declined(@Nullable String declineCode) {
		return Refusal
			.unprocessable(Payments.DECLINED, "Payment declined", "paymentMethod",
					"requires_action".equals(declineCode)
							? "The card's bank asks for a confirmation this page cannot ask for; nothing was bought. "
									+ "Use another card"
							: "The payment provider declined the card; nothing was bought")
			.with("declineCode", String.valueOf(declineCode));
	}

	private static String purchaseKey(String packageId) {
		return "package:" + packageId;
	}

	public Optional<ClientPackage> byId(String id) {
		return this.store.byId(id);
	}

	/** Every package bought for an address, oldest first. */
	public List<ClientPackage> ofClient(String normalizedEmail) {
		return this.store.ofClient(normalizedEmail)
			.stream()
			.sorted(Comparator.comparing(ClientPackage::createdAt))
			.toList();
	}

	/** How many sessions of a treatment the address's paid packages have left. */
	public int sessionsLeft(String normalizedEmail, String treatmentId) {
		return ofClient(normalizedEmail).stream()
			.filter(bought -> bought.treatmentId().equals(treatmentId))
			.mapToInt(ClientPackage::remaining)
			.sum();
	}

	/** The package a booking holds (or held) a credit of. */
	public Optional<ClientPackage> ofBooking(String bookingId) {
		return this.store.packageOf(bookingId)
			.flatMap(this.store::byId)
			.filter(bought -> bought.credit(bookingId).isPresent());
	}

	// credits

	/**
	 * What the policy a booking accepted makes of a credit: a late cancellation forfeits
	 * it where the policy has a late-cancel fee, a missed visit where it has a no-show
	 * fee; without a policy nothing forfeits it.
	 */
	public record Forfeits(@Nullable Duration lateCancelWindow, boolean late, boolean noShow) {

		public static Forfeits of(@Nullable PolicyTerms terms) {
			return terms == null ? new Forfeits(null, false, false)
					: new Forfeits(terms.lateCancelWindow(), terms.lateCancelFee() > 0, terms.noShowFee() > 0);
		}

	}

	/**
	 * Holds a credit of the client's oldest paid package of the treatment with a session
	 * left, for a booking about to be stored. Holding it again for the same booking
	 * changes nothing. Once the booking is stored, call {@link #bookingStored}; if it is
	 * not, {@link #release}.
	 * @return whether this call held it (false when the booking held it already)
	 * @throws Refusal 422 {@code no-package-credit}
	 */
	public boolean hold(String bookingId, String clientEmail, String treatmentId, Instant start, Forfeits forfeits) {
		Optional<ClientPackage> holding = ofBooking(bookingId).filter(bought -> bought.credit(bookingId)
			.map(credit -> credit.state() == ClientPackage.CreditState.HELD
					|| credit.state() == ClientPackage.CreditState.USED)
			.orElse(false));
		if (holding.isPresent()) {
			return false;
		}
		Instant now = this.clock.instant();
		String key = creditKey(bookingId);
		for (ClientPackage candidate : ofClient(clientEmail)) {
			if (!candidate.treatmentId().equals(treatmentId) || candidate.remaining() <= 0) {
				continue;
			}
			for (int attempt = 0; attempt < 10; attempt++) {
				ClientPackage current = this.store.byId(candidate.id()).orElseThrow();
				if (current.remaining() <= 0) {
					break;
				}
				this.store.use(bookingId, current.id());
				this.store
					.pend(new PackageStore.Pending(key, current.id(), bookingId, now.plus(this.properties.lease())));
				ClientPackage.Credit credit = new ClientPackage.Credit(bookingId, ClientPackage.CreditState.HELD, start,
						forfeits.lateCancelWindow(), forfeits.late(), forfeits.noShow(), now, null, null);
				if (this.store.replace(current, current.with(credit))) {
					return true;
				}
			}
		}
		this.store.done(key);
		throw Refusal.unprocessable(NO_CREDIT, "No package session left", "usePackage",
				"No prepaid package for this treatment with a session left belongs to this e-mail address");
	}

	/** The booking is stored: its held credit is used. */
	public void bookingStored(String bookingId) {
		settle(bookingId, ClientPackage.CreditState.USED, null, ClientPackage.CreditState.HELD);
		this.store.done(creditKey(bookingId));
	}

	/** The booking was not made after all: its held credit goes back. */
	public void release(String bookingId) {
		settle(bookingId, ClientPackage.CreditState.RETURNED, "the booking was not made",
				ClientPackage.CreditState.HELD);
		this.store.done(creditKey(bookingId));
	}

	/**
	 * A booking was cancelled: its credit goes back, unless a client cancelled late and
	 * the accepted policy has a late-cancel fee. Called again, it changes nothing.
	 */
	public void cancelled(String bookingId, Instant start, boolean byClient, Instant cancelledAt) {
		ofBooking(bookingId).ifPresent(bought -> {
			ClientPackage.Credit credit = bought.credit(bookingId).orElseThrow();
			boolean late = byClient && credit.forfeitLate() && credit.lateCancelWindow() != null
					&& !cancelledAt.isBefore(start.minus(credit.lateCancelWindow()));
			settleIn(bought.id(), bookingId,
					late ? ClientPackage.CreditState.FORFEITED : ClientPackage.CreditState.RETURNED,
					late ? "cancelled inside the policy's window"
							: byClient ? "cancelled in time" : "cancelled by the clinic",
					ClientPackage.CreditState.HELD, ClientPackage.CreditState.USED);
		});
	}

	/**
	 * The client did not come: the credit is forfeited where the accepted policy has a
	 * no-show fee. Called again, it changes nothing.
	 */
	public void noShow(String bookingId) {
		ofBooking(bookingId).ifPresent(bought -> {
			boolean forfeit = bought.credit(bookingId).orElseThrow().forfeitNoShow();
			settleIn(bought.id(), bookingId,
					forfeit ? ClientPackage.CreditState.FORFEITED : ClientPackage.CreditState.RETURNED,
					forfeit ? "not come" : "not come; the policy has no no-show fee", ClientPackage.CreditState.HELD,
					ClientPackage.CreditState.USED);
		});
	}

	/** The booking moved: its credit shows the new start. */
	public void moved(String bookingId, Instant start) {
		this.store.packageOf(bookingId)
			.ifPresent(packageId -> update(packageId,
					current -> current.credit(bookingId)
						.filter(credit -> !credit.start().equals(start))
						.map(credit -> current.with(new ClientPackage.Credit(credit.bookingId(), credit.state(), start,
								credit.lateCancelWindow(), credit.forfeitLate(), credit.forfeitNoShow(),
								credit.heldAt(), credit.settledAt(), credit.note())))
						.orElse(current)));
	}

	/**
	 * Staff give a forfeited credit back, for a reason; a credit not forfeited is left as
	 * it is.
	 * @return the package
	 * @throws Refusal 409 {@code not-forfeited}
	 */
	public ClientPackage restore(String bookingId, String reason) {
		ClientPackage bought = ofBooking(bookingId).orElseThrow(
				() -> Refusal.notFound("Package credit", "Booking " + bookingId + " was not paid with a package"));
		ClientPackage.Credit credit = bought.credit(bookingId).orElseThrow();
		if (credit.state() == ClientPackage.CreditState.RETURNED) {
			return bought;
		}
		if (credit.state() != ClientPackage.CreditState.FORFEITED) {
			throw Refusal.conflict("not-forfeited", "Session not forfeited", null,
					"The booking's session is still in use; nothing to give back");
		}
		return settle(bookingId, ClientPackage.CreditState.RETURNED, "given back by staff: " + reason,
				ClientPackage.CreditState.FORFEITED)
			.orElse(bought);
	}

	private static String creditKey(String bookingId) {
		return "credit:" + bookingId;
	}

	/**
	 * Moves the booking's credit to a state, if it is in one of the given states now.
	 */
	private Optional<ClientPackage> settle(String bookingId, ClientPackage.CreditState next, @Nullable String why,
			ClientPackage.CreditState... from) {
		return this.store.packageOf(bookingId).map(packageId -> settleIn(packageId, bookingId, next, why, from));
	}

	/** Moves the booking's credit in a package known already, as {@link #settle}. */
	private ClientPackage settleIn(String packageId, String bookingId, ClientPackage.CreditState next,
			@Nullable String why, ClientPackage.CreditState... from) {
		List<ClientPackage.CreditState> allowed = List.of(from);
		return update(packageId,
				current -> current.credit(bookingId)
					.filter(credit -> allowed.contains(credit.state()))
					.map(credit -> current.with(credit.to(next, this.clock.instant(), why)))
					.orElse(current));
	}

	// the sweeper's work

	List<PackageStore.Pending> pending(int limit) {
		return this.store.pending(limit);
	}

	/**
	 * Finishes work whose lease ran out, if no other instance has it: a held credit is
	 * used if its booking was stored and goes back if not; a purchase nobody came back
	 * for is charged again under its key to learn what happened, and a charge the buyer
	 * was never told of is given back.
	 */
	void finish(PackageStore.Pending pending) {
		Instant now = this.clock.instant();
		if (this.store.lease(pending.key(), now, now.plus(this.properties.lease())).isEmpty()) {
			return;
		}
		String bookingId = pending.bookingId();
		if (bookingId != null) {
			if (this.store.bookingExists(bookingId)) {
				settle(bookingId, ClientPackage.CreditState.USED, null, ClientPackage.CreditState.HELD);
			}
			else {
				settle(bookingId, ClientPackage.CreditState.RETURNED, "the booking was never stored",
						ClientPackage.CreditState.HELD);
			}
			this.store.done(pending.key());
			return;
		}
		Optional<ClientPackage> bought = this.store.byId(pending.packageId());
		if (bought.isPresent() && bought.get().status() == ClientPackage.Status.PENDING) {
			ClientPackage current = bought.get();
			PaymentProvider.Outcome outcome = this.provider.charge(pending.key(), pending.key(),
					current.paymentMethod(), current.price(), current.currency());
			bought = Optional.of(update(current.id(), each -> {
				if (each.status() != ClientPackage.Status.PENDING) {
					return each;
				}
				return outcome.status() == PaymentProvider.Status.SUCCEEDED
						? each.refunded(String.valueOf(outcome.id()), null)
						: each.declined(outcome.id(), outcome.declineCode());
			}));
		}
		if (bought.isPresent() && bought.get().status() == ClientPackage.Status.REFUNDED
				&& bought.get().refundId() == null) {
			ClientPackage current = bought.get();
			log.warn("Package {} was paid but never confirmed to its buyer: giving the charge back", current.id());
			PaymentProvider.Outcome refund = this.provider.refund(pending.key() + ":refund",
					String.valueOf(current.paymentId()), current.price());
			update(current.id(), each -> each.refundId() == null
					? each.refunded(String.valueOf(each.paymentId()), String.valueOf(refund.id())) : each);
		}
		this.store.done(pending.key());
	}

	private ClientPackage update(String packageId, UnaryOperator<ClientPackage> change) {
		for (int attempt = 0; attempt < 10; attempt++) {
			ClientPackage current = this.store.byId(packageId).orElseThrow();
			ClientPackage next = change.apply(current);
			if (next == current || this.store.replace(current, next)) {
				return next;
			}
		}
		throw new IllegalStateException("The package " + packageId + " keeps changing");
	}

}
