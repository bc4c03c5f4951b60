package dev.medspa.notification.plan;

/**
 * The kinds of message a booking's plan holds.
 *
 * <p>
 * Confirmations, updates and cancellations answer something the client or staff just did,
 * so they go at once, even at night (a confirmation after a grace of a few seconds, so
 * that forms falling due meanwhile go in it). Everything else waits for the morning
 * (quiet hours). The forms' link, when the confirmation did not carry it, follows at
 * once, for the same reason. The waitlist's messages answer something that just happened
 * too (offers are made only outside quiet hours). Only the rebooking nudge is optional:
 * it carries an unsubscribe link and is not sent to a client who opted out; every other
 * message is part of the care and is sent to everyone.
 */
public enum Step {

	/** The booking is confirmed, with a calendar invite. */
	CONFIRMATION(Channel.EMAIL, true, false),
	/**
	 * A course booked in one go is confirmed: every session listed, with an invite each.
	 * Sent from the course's own plan, once every session's confirmation arrived or the
	 * wait for them ran out.
	 */
	SERIES_CONFIRMATION(Channel.EMAIL, true, false),
	/** The booking moved; the invite is updated. */
	UPDATE(Channel.EMAIL, true, false),
	/** The booking is cancelled; the invite is withdrawn. */
	CANCELLATION(Channel.EMAIL, true, false),
	/** The day before, by e-mail, with the manage link. */
	REMINDER(Channel.EMAIL, false, false),
	/** Shortly before, by SMS, only with a phone and the client's consent. */
	SMS_REMINDER(Channel.SMS, false, false),
	/** What to do or avoid before the treatment, where the treatment says so. */
	PRE_CARE(Channel.EMAIL, false, false),
	/**
	 * The booking's treatment needs forms filled in before the visit: the link to them,
	 * on its own, sent as soon as intake-service says so if the confirmation went without
	 * it, once per booking.
	 */
	FORMS(Channel.EMAIL, true, false),
	/**
	 * The forms are still not filled in: one reminder before the visit, dropped once they
	 * are.
	 */
	FORMS_REMINDER(Channel.EMAIL, false, false),
	/** One step of the treatment's aftercare protocol, timed from completion. */
	AFTERCARE(Channel.EMAIL, false, false),
	/** The next session of the series is due. */
	REBOOK_NUDGE(Channel.EMAIL, false, true),
	/** The client did not come: an offer to rebook. */
	NO_SHOW(Channel.EMAIL, false, false),
	/** A waiter is on the waitlist, with the link to see and leave their place. */
	WAITLIST_JOINED(Channel.EMAIL, true, false),
	/** A freed slot is held for a waiter, with the one-click link to book it. */
	OFFER(Channel.EMAIL, true, false),
	/** The same offer by SMS, only with a phone and the waiter's consent. */
	SMS_OFFER(Channel.SMS, true, false),
	/**
	 * A prepaid package was paid for: its receipt, with how its sessions are booked. It
	 * answers the purchase that just happened, so it goes at once.
	 */
	PACKAGE_RECEIPT(Channel.EMAIL, true, false);

	private final Channel channel;

	private final boolean immediate;

	private final boolean optional;

	Step(Channel channel, boolean immediate, boolean optional) {
		this.channel = channel;
		this.immediate = immediate;
		this.optional = optional;
	}

	public Channel channel() {
		return this.channel;
	}

	/** Sent as soon as it is planned, quiet hours or not. */
	public boolean immediate() {
		return this.immediate;
	}

	/** Carries an unsubscribe link and respects an opt-out. */
	public boolean optional() {
		return this.optional;
	}

	/** About a place on a waitlist rather than a booking. */
	public boolean waitlist() {
		return this == WAITLIST_JOINED || this == OFFER || this == SMS_OFFER;
	}

	/** Timed from the appointment's start, so a reschedule re-times it. */
	public boolean anchoredToStart() {
		return this == REMINDER || this == SMS_REMINDER || this == PRE_CARE || this == FORMS_REMINDER;
	}

}
