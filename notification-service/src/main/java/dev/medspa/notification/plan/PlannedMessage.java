package dev.medspa.notification.plan;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One message of a plan, and its entry in the delivery ledger.
 *
 * @param id deterministic: booking, step (and aftercare key or offer id) and plan
 * version, so a redelivered event plans the same message again and changes nothing
 * @param key the aftercare step's key, for aftercare messages; the offer's id, for offer
 * messages
 * @param planVersion the booking version whose event planned this message
 * @param dueAt when it should go, already moved out of quiet hours
 * @param attempts how many times a sender claimed it
 * @param retryAt after a failure that may pass: not before this
 * @param leaseOwner the sender holding it while {@code SENDING}, and the one that sent it
 * once {@code SENT}
 * @param leaseUntil until when that sender holds it
 * @param reason why it was cancelled or failed, or the last transient error
 * @param body the text of an aftercare step, as the protocol said when it was planned
 * @param offer the slot an offer message offers, for offer messages
 * @param formsLink for a sent confirmation, whether it carried the link to the booking's
 * forms (then no separate forms message follows); null for every other message, and for a
 * confirmation not sent (or sent before confirmations carried the link)
 */
public record PlannedMessage(String id, Step step, @Nullable String key, Channel channel, long planVersion,
		Instant dueAt, MessageStatus status, int attempts, @Nullable Instant retryAt, @Nullable String leaseOwner,
		@Nullable Instant leaseUntil, @Nullable Instant sentAt, @Nullable String reason, @Nullable String body,
		@Nullable Offer offer, @Nullable Boolean formsLink) {

	/** A reason names no e-mail address or phone number: staff read it in the ledger. */
	public PlannedMessage {
		reason = reason == null ? null : dev.medspa.support.privacy.Pii.mask(reason);
	}

	static PlannedMessage planned(String bookingId, Step step, @Nullable String key, long planVersion, Instant dueAt,
			@Nullable String body, @Nullable Offer offer) {
		String name = step.name().toLowerCase(Locale.ROOT).replace('_', '-') + (key == null ? "" : "-" + key);
		return new PlannedMessage(bookingId + ":" + name + ":v" + planVersion, step, key, step.channel(), planVersion,
				dueAt, MessageStatus.PLANNED, 0, null, null, null, null, null, body, offer, null);
	}

	/** When a sender may next take it, or null if nothing is left to do. */
	public @Nullable Instant readyAt() {
		return switch (this.status) {
			case PLANNED -> (this.retryAt != null && this.retryAt.isAfter(this.dueAt)) ? this.retryAt : this.dueAt;
			case SENDING -> this.leaseUntil;
			default -> null;
		};
	}

	public boolean claimableAt(Instant now) {
		Instant ready = readyAt();
		return ready != null && !ready.isAfter(now);
	}

	/**
	 * Due no later than the given moment: what was waiting for something need wait no
	 * more.
	 */
	PlannedMessage dueBy(Instant at) {
		if (!at.isBefore(this.dueAt)) {
			return this;
		}
		return new PlannedMessage(this.id, this.step, this.key, this.channel, this.planVersion, at, this.status,
				this.attempts, this.retryAt, this.leaseOwner, this.leaseUntil, this.sentAt, this.reason, this.body,
				this.offer, this.formsLink);
	}

	PlannedMessage claimed(String owner, Instant until) {
		return new PlannedMessage(this.id, this.step, this.key, this.channel, this.planVersion, this.dueAt,
				MessageStatus.SENDING, this.attempts + 1, this.retryAt, owner, until, null, this.reason, this.body,
				this.offer, null);
	}

	PlannedMessage sent(Instant at) {
		return sent(at, null);
	}

	/**
	 * Sent; a confirmation records whether it carried the forms' link, as composed.
	 */
	PlannedMessage sent(Instant at, @Nullable Boolean formsLink) {
		return new PlannedMessage(this.id, this.step, this.key, this.channel, this.planVersion, this.dueAt,
				MessageStatus.SENT, this.attempts, this.retryAt, this.leaseOwner, null, at, null, this.body, this.offer,
				formsLink);
	}

	/** Whether this message, as sent, gave the client the link to the booking's forms. */
	public boolean carriedFormsLink() {
		return this.status == MessageStatus.SENT && Boolean.TRUE.equals(this.formsLink);
	}

	PlannedMessage retryLater(Instant at, String error) {
		return new PlannedMessage(this.id, this.step, this.key, this.channel, this.planVersion, this.dueAt,
				MessageStatus.PLANNED, this.attempts, at, null, null, null, error, this.body, this.offer, null);
	}

	/** Back to planned for later, without counting the attempt: it was never tried. */
	PlannedMessage deferred(Instant until, String why) {
		return new PlannedMessage(this.id, this.step, this.key, this.channel, this.planVersion, this.dueAt,
				MessageStatus.PLANNED, Math.max(0, this.attempts - 1), until, null, null, null, why, this.body,
				this.offer, null);
	}

	PlannedMessage failed(String why) {
		return new PlannedMessage(this.id, this.step, this.key, this.channel, this.planVersion, this.dueAt,
				MessageStatus.FAILED, this.attempts, this.retryAt, null, null, null, why, this.body, this.offer, null);
	}

	PlannedMessage cancelled(String why) {
		return new PlannedMessage(this.id, this.step, this.key, this.channel, this.planVersion, this.dueAt,
				MessageStatus.CANCELLED, this.attempts, this.retryAt, null, null, null, why, this.body, this.offer,
				null);
	}

}
