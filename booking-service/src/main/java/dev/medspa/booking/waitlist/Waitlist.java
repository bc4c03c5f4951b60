package dev.medspa.booking.waitlist;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.medspa.booking.availability.BookingPolicy;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.reservation.Client;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.waitlist.WaitlistJoined;
import dev.medspa.support.Refusal;
import dev.medspa.support.links.ManageLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Places on the waitlist: joining (the waiter's key comes back once and by e-mail, never
 * stored), seeing and leaving through that key, coming back to a paused place, and the
 * staff's view per location.
 */
@Service
public class Waitlist {

	private final WaitlistStore store;

	private final CatalogReadModel catalog;

	private final BookingPolicy policy;

	private final ManageLinks links;

	private final Offers offers;

	private final Clock clock;

	Waitlist(WaitlistStore store, CatalogReadModel catalog, BookingPolicy policy, ManageLinks links, Offers offers,
			Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.policy = policy;
		this.links = links;
		this.offers = offers;
		this.clock = clock;
	}

	/** What a client asks to wait for. */
	public record Wish(String treatmentId, @Nullable String locationId, LocalDate from, LocalDate to,
			Set<PartOfDay> partsOfDay, Set<DayOfWeek> weekdays, Client client) {
	}

	/** A new place and the waiter's key to it, shown this once. */
	public record Joined(WaitlistEntry entry, String token) {
	}

	public Joined join(Wish wish) {
		CatalogTreatment treatment = this.catalog.treatment(wish.treatmentId())
			.filter(CatalogTreatment::active)
			.orElseThrow(() -> Refusal.unprocessable("unknown-treatment", "Unknown treatment", "treatmentId",
					"No treatment on offer has the id " + wish.treatmentId()));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC);
		if (wish.locationId() != null) {
			CatalogLocation location = this.catalog.location(wish.locationId())
				.filter(CatalogLocation::active)
				.orElseThrow(() -> Refusal.unprocessable("unknown-location", "Unknown location", "locationId",
						"No open location has the id " + wish.locationId()));
			if (!location.offers(treatment.id())) {
				throw Refusal.unprocessable("treatment-not-offered", "Treatment not offered here", "treatmentId",
						treatment.name() + " is not offered at " + location.name());
			}
			today = LocalDate.ofInstant(this.clock.instant(), location.zone());
		}
		if (wish.to().isBefore(wish.from())) {
			throw Refusal.invalid("to", "must not be before the first day");
		}
		if (wish.to().isBefore(today)) {
			throw Refusal.invalid("to", "must not be in the past");
		}
		LocalDate last = today.plusDays(this.policy.horizon().toDays());
		if (wish.to().isAfter(last)) {
			throw Refusal.invalid("to", "must be within " + this.policy.horizon().toDays() + " days, by " + last);
		}
		Instant now = this.clock.instant();
		String id = UUID.randomUUID().toString();
		WaitlistEntry entry = new WaitlistEntry(id, treatment.id(), wish.locationId(), wish.from(), wish.to(),
				Set.copyOf(wish.partsOfDay()), Set.copyOf(wish.weekdays()), wish.client(), now, EntryStatus.WAITING, 0,
				null, 0, null, null, List.of(), 1, null);
		WaitlistJoined joined = new WaitlistJoined(id, 1, new TreatmentId(treatment.id()),
				wish.locationId() == null ? null : new LocationId(wish.locationId()), wish.from(), wish.to(),
				wish.partsOfDay().stream().sorted().map(Enum::name).toList(),
				wish.weekdays().stream().sorted().toList(), Offers.contact(entry), now);
		this.store.add(entry, joined, now);
		return new Joined(entry, this.links.waitlistToken(id));
	}

	/** The place a waiter's key opens. */
	public Optional<WaitlistEntry> byToken(String token) {
		return this.links.waitlistEntryId(token).flatMap(this.store::entry);
	}

	/** The offer open for a place, if one is. */
	public Optional<Round.Offer> openOffer(WaitlistEntry entry) {
		String offerId = entry.currentOfferId();
		if (offerId == null || entry.status() != EntryStatus.OFFERED) {
			return Optional.empty();
		}
		return this.store.round(Round.idOfOffer(offerId))
			.flatMap(round -> round.offer(offerId))
			.filter(offer -> offer.status() == OfferStatus.OPEN && this.clock.instant().isBefore(offer.expiresAt()));
	}

	/** The round an offer belongs to, if any: what its page shows. */
	public Optional<Round> roundOf(String offerId) {
		return this.store.round(Round.idOfOffer(offerId)).filter(round -> round.offer(offerId).isPresent());
	}

	/** The waiter leaves; leaving twice changes nothing. */
	public void leave(WaitlistEntry entry) {
		this.offers.changeEntry(entry.id(),
				current -> current.status().over() ? current : current.ended(EntryStatus.LEFT), "LEFT");
		String offerId = entry.currentOfferId();
		if (offerId != null && entry.status() == EntryStatus.OFFERED) {
			this.offers.reconsider(offerId);
		}
	}

	/** The waiter comes back to a paused place. */
	public WaitlistEntry resume(WaitlistEntry entry) {
		this.offers.changeEntry(entry.id(),
				current -> current.status() == EntryStatus.PAUSED ? current.resumed() : current, null);
		return this.store.entry(entry.id()).orElse(entry);
	}

	/** The places of a location (and those for any location), in line. */
	public List<WaitlistEntry> at(String locationId, @Nullable String treatmentId) {
		CatalogLocation location = this.catalog.location(locationId)
			.orElseThrow(() -> Refusal.notFound("Location", "No location has the id " + locationId));
		return location.treatments()
			.stream()
			.filter(treatment -> treatmentId == null || treatment.equals(treatmentId))
			.flatMap(treatment -> this.store.line(treatment, locationId, true).stream())
			.distinct()
			.flatMap(id -> this.store.entry(id).stream())
			.toList();
	}

	/** The fate of each offer made to a place. */
	public List<Round.Offer> offersOf(WaitlistEntry entry) {
		return entry.offerIds()
			.stream()
			.flatMap(offerId -> this.store.round(Round.idOfOffer(offerId))
				.flatMap(round -> round.offer(offerId))
				.stream())
			.toList();
	}

	/** A location's refill figures for the last months, oldest first. */
	public List<RefillMonth> refills(String locationId, int months) {
		java.time.YearMonth now = java.time.YearMonth.from(this.clock.instant().atZone(java.time.ZoneOffset.UTC));
		return java.util.stream.IntStream.range(0, months)
			.mapToObj(back -> now.minusMonths(months - 1 - back))
			.map(month -> this.store.refills(locationId, month)
				.orElse(new RefillMonth(locationId + "|" + month, locationId, month.toString(), 0, 0, List.of())))
			.toList();
	}

	public WaitlistSettings settings(String locationId) {
		return this.store.settings(locationId);
	}

	public WaitlistSettings change(WaitlistSettings settings) {
		this.store.save(settings);
		return settings;
	}

}
