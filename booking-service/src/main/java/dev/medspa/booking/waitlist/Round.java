package dev.medspa.booking.waitlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One freed slot and its offers, in turn: the id names what freed it (a booking and the
 * version it reached, or a hand-made offer), so a redelivered event finds its round
 * already there and makes no second one. Changed only as a compare-and-set on
 * {@code version}; an instance works on it only while it holds the lease.
 *
 * @param start when the slot starts
 * @param end when the treatment in it ends
 * @param due when the round wants looking at next: offers to announce, an offer that runs
 * out, the morning after a night; null once it is over
 * @param leaseUntil until when one instance works on it
 * @param attempt how many holds were taken for it (each is named by it)
 * @param holdId the hold its open offers share
 * @param onlyFor the one place staff offered the slot to by hand, if they did
 */
@Document(Round.COLLECTION)
public record Round(@Id String id, String treatmentId, String locationId, String zoneId, Instant start, Instant end,
		Instant createdAt, RoundStatus status, @Nullable Instant due, @Nullable Instant leaseUntil, int attempt,
		@Nullable String holdId, List<Offer> offers, @Nullable Instant closedAt, @Nullable String outcome, long version,
		@Nullable String onlyFor) {

	public static final String COLLECTION = "waitlist_rounds";

	/** A round's offer ids are its id, a dot and a number. */
	public static String idOfOffer(String offerId) {
		int dot = offerId.lastIndexOf('.');
		return dot <= 0 ? "" : offerId.substring(0, dot);
	}

	static Round freed(String id, String treatmentId, String locationId, String zoneId, Instant start, Instant end,
			Instant now) {
		return new Round(id, treatmentId, locationId, zoneId, start, end, now, RoundStatus.PENDING, now, null, 0, null,
				List.of(), null, null, 0, null);
	}

	static Round byHand(String id, String treatmentId, String locationId, String zoneId, Instant start, Instant end,
			String entryId, Instant now) {
		return new Round(id, treatmentId, locationId, zoneId, start, end, now, RoundStatus.PENDING, now, null, 0, null,
				List.of(), null, null, 0, entryId);
	}

	public Optional<Offer> offer(String offerId) {
		return this.offers.stream().filter(offer -> offer.id().equals(offerId)).findFirst();
	}

	public List<Offer> open() {
		return this.offers.stream().filter(offer -> offer.status() == OfferStatus.OPEN).toList();
	}

	boolean offeredTo(String entryId) {
		return this.offers.stream().anyMatch(offer -> offer.entryId().equals(entryId));
	}

	boolean over() {
		return this.status.over();
	}

	Round leased(Instant until) {
		return new Round(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.createdAt,
				this.status, this.due, until, this.attempt, this.holdId, this.offers, this.closedAt, this.outcome,
				this.version + 1, this.onlyFor);
	}

	Round waitUntil(Instant when) {
		return new Round(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.createdAt,
				this.status, when, null, this.attempt, this.holdId, this.offers, this.closedAt, this.outcome,
				this.version + 1, this.onlyFor);
	}

	/** New offers of the slot under a new hold, announced next (so due at once). */
	Round offering(String newHoldId, List<Offer> made, Instant now) {
		List<Offer> all = new ArrayList<>(this.offers);
		all.addAll(made);
		return new Round(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.createdAt,
				RoundStatus.OPEN, now, this.leaseUntil, this.attempt + 1, newHoldId, List.copyOf(all), null, null,
				this.version + 1, this.onlyFor);
	}

	/** Offers that ran out, and the round back to pending for the next waiters. */
	Round lapsed(Instant now) {
		return new Round(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.createdAt,
				RoundStatus.PENDING, now, this.leaseUntil, this.attempt, null,
				mapOpen(offer -> offer.ended(OfferStatus.EXPIRED, now, null)), null, null, this.version + 1,
				this.onlyFor);
	}

	/**
	 * The offer marked as on its way to its waiter: part of the change that stores it, so
	 * the version is left to that change.
	 */
	Round announced(String offerId) {
		List<Offer> next = this.offers.stream()
			.map(offer -> offer.id().equals(offerId) ? offer.announcedNow() : offer)
			.toList();
		return new Round(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.createdAt,
				this.status, this.due, this.leaseUntil, this.attempt, this.holdId, next, this.closedAt, this.outcome,
				this.version, this.onlyFor);
	}

	/** One offer was claimed: the others of the round are taken. */
	Round claimed(String offerId, String bookingId, Instant now) {
		List<Offer> next = this.offers.stream()
			.map(offer -> offer.id().equals(offerId) ? offer.ended(OfferStatus.CLAIMED, now, bookingId)
					: offer.status() == OfferStatus.OPEN ? offer.ended(OfferStatus.TAKEN, now, null) : offer)
			.toList();
		return new Round(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.createdAt,
				RoundStatus.CLAIMED, null, null, this.attempt, this.holdId, next, now, "claimed", this.version + 1,
				this.onlyFor);
	}

	/** The round ends without a claim; open offers, if any, are withdrawn. */
	Round closed(RoundStatus end, String why, Instant now) {
		return new Round(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.createdAt,
				end, null, null, this.attempt, this.holdId,
				mapOpen(offer -> offer.ended(OfferStatus.WITHDRAWN, now, null)), now, why, this.version + 1,
				this.onlyFor);
	}

	private List<Offer> mapOpen(java.util.function.UnaryOperator<Offer> change) {
		return this.offers.stream()
			.map(offer -> offer.status() == OfferStatus.OPEN ? change.apply(offer) : offer)
			.toList();
	}

	/**
	 * One waiter's offer of the round's slot.
	 *
	 * @param announced whether the waiter's place carries the offer's event (so the offer
	 * is on its way to them)
	 */
	public record Offer(String id, String entryId, OfferStatus status, Instant offeredAt, Instant expiresAt,
			boolean announced, @Nullable Instant endedAt, @Nullable String bookingId) {

		Offer ended(OfferStatus end, Instant now, @Nullable String booking) {
			return new Offer(this.id, this.entryId, end, this.offeredAt, this.expiresAt, this.announced, now, booking);
		}

		Offer announcedNow() {
			return new Offer(this.id, this.entryId, this.status, this.offeredAt, this.expiresAt, true, this.endedAt,
					this.bookingId);
		}

	}

}
