package dev.medspa.booking.waitlist;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.medspa.booking.availability.BookingPolicy;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.Eligibility;
import dev.medspa.booking.reservation.NewBooking;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed.ClientContact;
import dev.medspa.events.waitlist.WaitlistLeft;
import dev.medspa.events.waitlist.WaitlistOffered;
import dev.medspa.support.Refusal;
import dev.medspa.support.links.ManageLinks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Offers freed slots to the waitlist. A freed slot opens a {@link Round}; the round holds
 * the slot on the day sheet for as long as an offer lasts and offers it to the first
 * waiter in line whom it suits (or to several, by the location's choice); when the offer
 * runs out the hold lets go and the next waiter gets it. Claiming books through that
 * hold, under a booking id that follows from the offer's, so one slot is booked once
 * whoever clicks, however often, on whichever instance.
 * <p>
 * Every step is a compare-and-set on the round, taken under a lease, and is safe to
 * repeat: a crash leaves the round due, and the next look (here or on another instance)
 * picks up where it stopped.
 */
@Service
public class Offers {

	private static final Logger log = LoggerFactory.getLogger(Offers.class);

	private final WaitlistStore store;

	private final BookingService bookings;

	private final CatalogReadModel catalog;

	private final Eligibility eligibility;

	private final BookingPolicy policy;

	private final WaitlistProperties properties;

	private final ManageLinks links;

	private final Clock clock;

	private final MeterRegistry meters;

	Offers(WaitlistStore store, BookingService bookings, CatalogReadModel catalog, Eligibility eligibility,
			BookingPolicy policy, WaitlistProperties properties, ManageLinks links, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.bookings = bookings;
		this.catalog = catalog;
		this.eligibility = eligibility;
		this.policy = policy;
		this.properties = properties;
		this.links = links;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * A slot was freed (a cancellation, a move); {@code cause} names what freed it, so
	 * the same cause seen twice opens one round.
	 */
	public void freed(String cause, String treatmentId, String locationId, Instant start, Instant end) {
		Instant now = this.clock.instant();
		if (!start.isAfter(now)) {
			return;
		}
		Optional<String> zone = this.catalog.location(locationId).map(location -> location.zoneId());
		if (zone.isEmpty() || this.store.line(treatmentId, locationId, true).isEmpty()) {
			return;
		}
		Round round = Round.freed(cause, treatmentId, locationId, zone.get(), start, end, now);
		if (this.store.addRound(round)) {
			count("freed");
			this.store.countFreed(locationId, java.time.YearMonth.from(now.atZone(ZoneId.of(zone.get()))));
			advance(round.id());
		}
	}

	/**
	 * Staff offer a slot to one waiter by hand: the same hold, link and expiry as any
	 * offer; when it runs out the slot is simply free again.
	 */
	public void offerByHand(String entryId, String locationId, Instant start) {
		WaitlistEntry entry = this.store.entry(entryId)
			.orElseThrow(() -> Refusal.notFound("Waitlist place", "No place on the waitlist has the id " + entryId));
		if (entry.status().over() || entry.status() == EntryStatus.OFFERED) {
			throw Refusal.conflict("not-waiting", "Not waiting", "entryId", "This place is "
					+ entry.status().name().toLowerCase(java.util.Locale.ROOT) + "; it cannot be offered a time now");
		}
		if (entry.locationId() != null && !entry.locationId().equals(locationId)) {
			throw Refusal.unprocessable("other-location", "Another location", "locationId",
					"This client waits for " + entry.locationId());
		}
		CatalogTreatment treatment = this.catalog.treatment(entry.treatmentId())
			.orElseThrow(() -> Refusal.unprocessable("unknown-treatment", "Unknown treatment", "entryId",
					"The treatment this client waits for is no longer offered"));
		String zone = this.catalog.location(locationId)
			.map(location -> location.zoneId())
			.orElseThrow(() -> Refusal.unprocessable("unknown-location", "Unknown location", "locationId",
					"No location has the id " + locationId));
		Instant now = this.clock.instant();
		Round round = Round.byHand("hand-" + UUID.randomUUID(), entry.treatmentId(), locationId, zone, start,
				start.plus(treatment.appointmentLength()), entryId, now);
		this.store.addRound(round);
		count("by-hand");
		advance(round.id());
		Round after = this.store.round(round.id()).orElse(round);
		if (after.status() == RoundStatus.TAKEN || after.status() == RoundStatus.EXHAUSTED) {
			throw Refusal.conflict("cannot-offer", "Cannot offer this time", "start",
					"This time cannot be offered: " + after.outcome());
		}
	}

	/**
	 * A waiter with an open offer left the list: the round is looked at now, so the slot
	 * goes to the next in line instead of waiting for the offer to run out.
	 */
	void reconsider(String offerId) {
		this.store.round(Round.idOfOffer(offerId))
			.filter(round -> round.status() == RoundStatus.OPEN
					&& (round.leaseUntil() == null || !round.leaseUntil().isAfter(this.clock.instant())))
			.ifPresent(round -> {
				if (this.store.store(round.waitUntil(this.clock.instant()))) {
					advance(round.id());
				}
			});
	}

	/** Looks at every round that is due. */
	public void sweep() {
		for (String id : this.store.dueBy(this.clock.instant())) {
			try {
				advance(id);
			}
			catch (RuntimeException ex) {
				log.warn("Waitlist round {} could not go on now; it stays due", id, ex);
			}
		}
	}

	/**
	 * Takes a round one step further, if it is due and no other instance works on it:
	 * announces offers not yet announced, hands on offers that ran out, offers the slot
	 * to the next waiters or waits for the morning.
	 */
	void advance(String roundId) {
		Instant now = this.clock.instant();
		Round round = this.store.round(roundId).orElse(null);
		if (round == null || round.over() || round.due() == null || round.due().isAfter(now)
				|| (round.leaseUntil() != null && round.leaseUntil().isAfter(now))) {
			return;
		}
		Round leased = round.leased(now.plus(this.properties.lease()));
		if (!this.store.store(leased)) {
			return;
		}
		round = leased;
		if (round.status() == RoundStatus.OPEN) {
			round = announceOrLapse(round, now);
			if (round.status() == RoundStatus.OPEN || round.over()) {
				return;
			}
		}
		offerNext(round, now);
	}

	/**
	 * An open round: tells waiters not yet told, or, once its offers ran out, lets go.
	 */
	private Round announceOrLapse(Round round, Instant now) {
		Instant expiresAt = round.open().stream().map(Round.Offer::expiresAt).min(Instant::compareTo).orElse(now);
		boolean anyoneStillWaits = round.open()
			.stream()
			.anyMatch(offer -> this.store.entry(offer.entryId()).filter(entry -> !entry.status().over()).isPresent());
		if (now.isBefore(expiresAt) && anyoneStillWaits) {
			for (Round.Offer offer : round.open()) {
				if (!offer.announced()) {
					announce(round, offer, now);
					round = round.announced(offer.id());
				}
			}
			Round settled = round.waitUntil(expiresAt);
			return this.store.store(settled) ? settled : round;
		}
		for (Round.Offer offer : round.open()) {
			Optional<Booking> booked = this.bookings.find(bookingIdOf(offer.id()));
			if (booked.isPresent()) {
				settleClaim(round, offer, booked.get().id(), now);
				return this.store.round(round.id()).orElse(round);
			}
		}
		if (round.holdId() != null) {
			this.bookings.releaseHold(round.holdId());
		}
		Round lapsed = round.lapsed(now);
		if (!this.store.store(lapsed)) {
			return round;
		}
		for (Round.Offer offer : round.open()) {
			changeEntry(offer.entryId(), entry -> entry.ignored(offer.id(), this.properties.pauseAfterIgnored()), null);
			count("expired");
		}
		return lapsed;
	}

	/** A pending round: offers the slot to the next waiters, if it can be offered now. */
	private void offerNext(Round round, Instant now) {
		ZoneId zone = ZoneId.of(round.zoneId());
		Instant expiresAt = now.plus(this.properties.offerDuration());
		var quiet = this.properties.quietHours();
		if (quiet.contains(now, zone) || quiet.contains(expiresAt, zone)) {
			Instant morning = quiet.later(quiet.contains(now, zone) ? now : expiresAt, zone);
			this.store.store(round.waitUntil(morning));
			return;
		}
		if (round.start().isBefore(expiresAt.plus(this.policy.minimumNotice()))) {
			close(round, RoundStatus.EXHAUSTED, "too close to offer", now);
			return;
		}
		CatalogTreatment treatment = this.catalog.treatment(round.treatmentId()).orElse(null);
		if (treatment == null) {
			close(round, RoundStatus.EXHAUSTED, "treatment gone", now);
			return;
		}
		int wanted = this.store.settings(round.locationId()).offersAtOnce();
		List<WaitlistEntry> waiters = nextWaiters(round, treatment, wanted, now);
		if (waiters.isEmpty()) {
			close(round, RoundStatus.EXHAUSTED, "nobody waiting for it", now);
			return;
		}
		BookingService.HoldTaken hold;
		try {
			hold = this.bookings.hold(round.treatmentId(), round.locationId(),
					round.start().atZone(zone).toOffsetDateTime(), null,
					"waitlist-" + UUID
						.nameUUIDFromBytes((round.id() + "|" + round.attempt()).getBytes(StandardCharsets.UTF_8)),
					this.properties.offerDuration());
		}
		catch (Refusal refused) {
			close(round, RoundStatus.TAKEN, refused.code(), now);
			return;
		}
		List<Round.Offer> made = new ArrayList<>();
		int number = round.offers().size();
		for (WaitlistEntry waiter : waiters) {
			made.add(new Round.Offer(round.id() + "." + (++number), waiter.id(), OfferStatus.OPEN, now, expiresAt,
					false, null, null));
		}
		Round offering = round.offering(hold.holdId(), made, now);
		if (!this.store.store(offering)) {
			this.bookings.releaseHold(hold.holdId());
			return;
		}
		for (Round.Offer offer : made) {
			announce(offering, offer, now);
			offering = offering.announced(offer.id());
			count("offered");
		}
		this.store.store(offering.waitUntil(expiresAt));
	}

	/**
	 * The next waiters for a round, in line: those whose place is waiting, whose wishes
	 * the slot meets, who were not offered it yet, are under their daily cap and may have
	 * the treatment then. One per client, whatever the number of places they hold.
	 */
	private List<WaitlistEntry> nextWaiters(Round round, CatalogTreatment treatment, int wanted, Instant now) {
		ZoneId zone = ZoneId.of(round.zoneId());
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Set<String> offeredClients = new HashSet<>();
		for (Round.Offer offer : round.offers()) {
			this.store.entry(offer.entryId()).ifPresent(entry -> offeredClients.add(entry.client().normalizedEmail()));
		}
		List<WaitlistEntry> chosen = new ArrayList<>();
		List<String> line = round.onlyFor() != null ? List.of(round.onlyFor())
				: this.store.line(round.treatmentId(), round.locationId(), true);
		for (String id : line) {
			if (chosen.size() == wanted) {
				break;
			}
			WaitlistEntry entry = this.store.entry(id).orElse(null);
			boolean byHand = id.equals(round.onlyFor());
			if (entry == null
					|| !(entry.status() == EntryStatus.WAITING || (byHand && entry.status() == EntryStatus.PAUSED))
					|| round.offeredTo(id) || offeredClients.contains(entry.client().normalizedEmail())) {
				continue;
			}
			if (entry.to().isBefore(now.atZone(zone).toLocalDate())) {
				changeEntry(id,
						current -> current.status() == EntryStatus.WAITING ? current.ended(EntryStatus.ENDED) : current,
						"ENDED");
				continue;
			}
			if (!byHand && (!entry.suits(round.start().atZone(zone))
					|| entry.offersOn(today) >= this.properties.offersPerWaiterPerDay())) {
				continue;
			}
			try {
				this.eligibility.check(treatment, entry.client(), round.start(), null);
			}
			catch (Refusal notYet) {
				continue;
			}
			chosen.add(entry);
			offeredClients.add(entry.client().normalizedEmail());
		}
		return chosen;
	}

	/** Puts the offer on the waiter's place with its event, once. */
	private void announce(Round round, Round.Offer offer, Instant now) {
		for (int attempt = 0; attempt < 5; attempt++) {
			WaitlistEntry entry = this.store.entry(offer.entryId()).orElse(null);
			if (entry == null || offer.id().equals(entry.currentOfferId()) || entry.offerIds().contains(offer.id())
					|| entry.status().over()) {
				return;
			}
			WaitlistEntry next = entry.offered(offer.id(), LocalDate.ofInstant(now, ZoneOffset.UTC));
			WaitlistOffered event = new WaitlistOffered(entry.id(), next.version(), offer.id(),
					new TreatmentId(round.treatmentId()), new LocationId(round.locationId()), round.start(),
					round.end(), offer.expiresAt(), contact(entry), now);
			if (this.store.store(next, event, now)) {
				return;
			}
		}
	}

	/**
	 * Books the slot of an offer for its waiter: through the round's hold, under the
	 * booking id that follows from the offer, so a second click answers the same booking
	 * and a waiter who comes too late learns it kindly.
	 */
	public BookingService.Booked claim(String offerId) {
		return claim(offerId, null, null);
	}

	/**
	 * Claims an offer, with the client's acceptance of the treatment's cancellation
	 * policy and their card token where it has one.
	 */
	public BookingService.Booked claim(String offerId, @Nullable Integer acceptedPolicyVersion,
			@Nullable String paymentMethod) {
		Round round = this.store.round(Round.idOfOffer(offerId))
			.orElseThrow(() -> Refusal.notFound("Offer", "No offer has this link"));
		Round.Offer offer = round.offer(offerId).orElseThrow(() -> Refusal.notFound("Offer", "No offer has this link"));
		String bookingId = bookingIdOf(offerId);
		Optional<Booking> already = this.bookings.find(bookingId);
		if (already.isPresent()) {
			settleClaim(round, offer, bookingId, this.clock.instant());
			return new BookingService.Booked(already.get(), this.links.token(bookingId));
		}
		Instant now = this.clock.instant();
		if (offer.status() == OfferStatus.TAKEN || (round.status() == RoundStatus.CLAIMED)) {
			throw taken();
		}
		if (offer.status() != OfferStatus.OPEN || !now.isBefore(offer.expiresAt()) || round.holdId() == null) {
			throw expired();
		}
		WaitlistEntry entry = this.store.entry(offer.entryId())
			.orElseThrow(() -> Refusal.notFound("Offer", "No offer has this link"));
		ZoneId zone = ZoneId.of(round.zoneId());
		BookingService.Booked booked;
		try {
			booked = this.bookings
				.book(NewBooking
					.fromOffer(round.treatmentId(), round.locationId(), round.start().atZone(zone).toOffsetDateTime(),
							entry.client(), round.holdId())
					.withPolicy(acceptedPolicyVersion, paymentMethod), bookingId);
		}
		catch (Refusal refused) {
			if ("hold-expired".equals(refused.code())) {
				Optional<Booking> raced = this.bookings.find(bookingId);
				if (raced.isPresent()) {
					return new BookingService.Booked(raced.get(), this.links.token(bookingId));
				}
				throw this.store.round(round.id()).map(Round::status).orElse(RoundStatus.PENDING) == RoundStatus.CLAIMED
						|| offer.expiresAt().isAfter(now) ? taken() : expired();
			}
			throw refused;
		}
		settleClaim(round, offer, bookingId, now);
		count("claimed");
		this.store.countRefilled(round.locationId(),
				java.time.YearMonth.from(round.createdAt().atZone(ZoneId.of(round.zoneId()))),
				java.time.Duration.between(round.createdAt(), now));
		return booked;
	}

	/** Records a claim on the round and the waiter's place; safe to repeat. */
	private void settleClaim(Round round, Round.Offer offer, String bookingId, Instant now) {
		for (int attempt = 0; attempt < 5 && round.status() != RoundStatus.CLAIMED; attempt++) {
			if (this.store.store(round.claimed(offer.id(), bookingId, now))) {
				for (Round.Offer other : round.open()) {
					if (!other.id().equals(offer.id())) {
						changeEntry(other.entryId(), entry -> entry.missed(other.id()), null);
					}
				}
				break;
			}
			round = this.store.round(round.id()).orElse(round);
		}
		changeEntry(offer.entryId(), entry -> entry.status().over() ? entry : entry.booked(bookingId), "BOOKED");
	}

	private void close(Round round, RoundStatus end, String why, Instant now) {
		if (this.store.store(round.closed(end, why, now))) {
			count(end.name().toLowerCase(java.util.Locale.ROOT));
		}
	}

	/**
	 * Changes a waiter's place, retrying on a concurrent change; {@code leftReason} tells
	 * the client the place is over.
	 */
	void changeEntry(String entryId, java.util.function.UnaryOperator<WaitlistEntry> change,
			@org.jspecify.annotations.Nullable String leftReason) {
		for (int attempt = 0; attempt < 5; attempt++) {
			WaitlistEntry entry = this.store.entry(entryId).orElse(null);
			if (entry == null) {
				return;
			}
			WaitlistEntry next = change.apply(entry);
			if (next == entry) {
				return;
			}
			Instant now = this.clock.instant();
			Object event = leftReason == null || !next.status().over() ? null
					: new WaitlistLeft(next.id(), next.version(), leftReason, now);
			if (this.store.store(next, event, now)) {
				return;
			}
		}
	}

	/** The booking an offer's claim makes, whichever instance or click makes it. */
	static String bookingIdOf(String offerId) {
		return UUID.nameUUIDFromBytes(("waitlist-offer|" + offerId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	static ClientContact contact(WaitlistEntry entry) {
		return new ClientContact(entry.client().name(), entry.client().email(), entry.client().phone(),
				entry.client().consentToSms());
	}

	private static Refusal taken() {
		return Refusal.conflict("offer-taken", "Offer taken", null,
				"Someone else booked this time first; you stay on the waitlist for the next one");
	}

	private static Refusal expired() {
		return Refusal.conflict("offer-expired", "Offer ran out", null,
				"This offer has run out; you stay on the waitlist for the next time that suits you");
	}

	private void count(String outcome) {
		Counter.builder("medspa.waitlist.offers")
			.description("Freed slots and what became of their offers")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
