package dev.medspa.booking.prepaid;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.medspa.events.TreatmentId;
import dev.medspa.events.prepaid.PackagePurchased;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A package a client bought, with one credit per booking that used it. Every change is a
 * compare-and-set on {@code revision}, so two bookings racing for the last session cannot
 * both have it.
 *
 * @param id chosen by the buyer's page ({@code purchaseId}), so that a repeated purchase
 * is the same one
 * @param clientEmail the buyer's normalised address: only bookings for it use the package
 * @param clientPhone the buyer's phone as given, for the purchase's event; null if none
 * was given, for packages bought before it was kept, and once erased
 * @param paymentMethod the provider's token of the card it was paid with; never a card
 * number
 * @param paymentId the provider's id of the charge, once paid
 * @param refundId the provider's id of the refund of a purchase never confirmed to the
 * buyer; null while that refund is owed
 */
@Document(ClientPackage.COLLECTION)
public record ClientPackage(@Id String id, String offerId, String treatmentId, String name, int sessions, long price,
		String currency, String clientEmail, String clientName, @Nullable String clientPhone, String paymentMethod,
		Status status, @Nullable String paymentId, @Nullable String declineCode, @Nullable String refundId,
		Instant createdAt, @Nullable Instant paidAt, List<Credit> credits, long revision) {

	public static final String COLLECTION = "client_packages";

	public ClientPackage {
		credits = credits == null ? List.of() : List.copyOf(credits);
	}

	public enum Status {

		/** Sent to the provider, answer not written yet. */
		PENDING,
		/** Paid: its credits can be used. */
		PAID,
		/** The provider declined the card: nothing was bought. */
		DECLINED,
		/**
		 * The buyer was never told it was bought (the answer was lost and they did not
		 * come back), so the charge was given back.
		 */
		REFUNDED

	}

	public enum CreditState {

		/** Taken for a booking being made; becomes USED once the booking is stored. */
		HELD,
		/** The booking holds the session. */
		USED,
		/** Back in the package: cancelled in time, by the clinic, or never booked. */
		RETURNED,
		/** Spent without a visit: a late cancellation or a missed visit, per policy. */
		FORFEITED;

		/** Whether the credit counts against the package's sessions. */
		public boolean spent() {
			return this != RETURNED;
		}

	}

	/**
	 * One booking's use of a session, with the rules it was booked under.
	 *
	 * @param start when the booking starts (moved with it)
	 * @param lateCancelWindow a client's cancellation this close to the start is late;
	 * null when no policy applied
	 * @param forfeitLate whether a late cancellation forfeits the credit (the policy has
	 * a late-cancel fee)
	 * @param forfeitNoShow whether a missed visit forfeits it (the policy has a no-show
	 * fee)
	 * @param note why it was returned or forfeited
	 */
	public record Credit(String bookingId, CreditState state, Instant start, @Nullable Duration lateCancelWindow,
			boolean forfeitLate, boolean forfeitNoShow, Instant heldAt, @Nullable Instant settledAt,
			@Nullable String note) {

		Credit to(CreditState next, Instant now, @Nullable String why) {
			return new Credit(this.bookingId, next, this.start, this.lateCancelWindow, this.forfeitLate,
					this.forfeitNoShow, this.heldAt, now, why);
		}

		/** Whether a client's cancellation at {@code at} forfeits this credit. */
		boolean forfeitedByCancellation(Instant at) {
			return this.forfeitLate && this.lateCancelWindow != null
					&& !at.isBefore(this.start.minus(this.lateCancelWindow));
		}

	}

	static ClientPackage pending(String id, PackageOffer offer, String clientEmail, String clientName,
			@Nullable String clientPhone, String paymentMethod, Instant now) {
		return new ClientPackage(id, offer.id(), offer.treatmentId(), offer.name(), offer.sessions(), offer.price(),
				offer.currency(), clientEmail, clientName, clientPhone, paymentMethod, Status.PENDING, null, null, null,
				now, null, List.of(), 0);
	}

	/**
	 * The event of this revision, if it is the one that made the package paid: the only
	 * change other services hear of, so a declined card or a purchase given back tells
	 * nobody, and a purchase sent again finds it paid and changes nothing.
	 * @param before the revision this one was made from
	 */
	Optional<PackagePurchased> purchasedSince(ClientPackage before) {
		if (this.status != Status.PAID || before.status == Status.PAID || this.paidAt == null) {
			return Optional.empty();
		}
		return Optional.of(new PackagePurchased(this.id, this.offerId, new TreatmentId(this.treatmentId), this.name,
				this.sessions, this.price, this.currency, String.valueOf(this.paymentId),
				new PackagePurchased.Buyer(this.clientName, this.clientEmail, this.clientPhone), this.paidAt));
	}

	/** Sessions not held, used or forfeited; none until paid. */
	public int remaining() {
		if (this.status != Status.PAID) {
			return 0;
		}
		return this.sessions - (int) this.credits.stream().filter(credit -> credit.state().spent()).count();
	}

	public Optional<Credit> credit(String bookingId) {
		return this.credits.stream().filter(credit -> credit.bookingId().equals(bookingId)).findFirst();
	}

	ClientPackage paid(String paymentId, Instant now) {
		return new ClientPackage(this.id, this.offerId, this.treatmentId, this.name, this.sessions, this.price,
				this.currency, this.clientEmail, this.clientName, this.clientPhone, this.paymentMethod, Status.PAID,
				paymentId, null, null, this.createdAt, now, this.credits, this.revision + 1);
	}

	ClientPackage declined(@Nullable String paymentId, @Nullable String declineCode) {
		return new ClientPackage(this.id, this.offerId, this.treatmentId, this.name, this.sessions, this.price,
				this.currency, this.clientEmail, this.clientName, this.clientPhone, this.paymentMethod, Status.DECLINED,
				paymentId, declineCode, null, this.createdAt, null, this.credits, this.revision + 1);
	}

	ClientPackage refunded(String paymentId, @Nullable String refundId) {
		return new ClientPackage(this.id, this.offerId, this.treatmentId, this.name, this.sessions, this.price,
				this.currency, this.clientEmail, this.clientName, this.clientPhone, this.paymentMethod, Status.REFUNDED,
				paymentId, null, refundId, this.createdAt, null, this.credits, this.revision + 1);
	}

	ClientPackage erased(String placeholderEmail) {
		return new ClientPackage(this.id, this.offerId, this.treatmentId, this.name, this.sessions, this.price,
				this.currency, placeholderEmail, "(erased)", null, this.paymentMethod, this.status, this.paymentId,
				this.declineCode, this.refundId, this.createdAt, this.paidAt, this.credits, this.revision + 1);
	}

	/** The package with a credit added or replaced (by its booking), one revision on. */
	ClientPackage with(Credit credit) {
		List<Credit> all = new ArrayList<>();
		boolean replaced = false;
		for (Credit each : this.credits) {
			if (each.bookingId().equals(credit.bookingId())) {
				all.add(credit);
				replaced = true;
			}
			else {
				all.add(each);
			}
		}
		if (!replaced) {
			all.add(credit);
		}
		return new ClientPackage(this.id, this.offerId, this.treatmentId, this.name, this.sessions, this.price,
				this.currency, this.clientEmail, this.clientName, this.clientPhone, this.paymentMethod, this.status,
				this.paymentId, this.declineCode, this.refundId, this.createdAt, this.paidAt, all, this.revision + 1);
	}

}
