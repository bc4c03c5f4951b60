package dev.medspa.notification.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {

	/** Waiting for its next attempt, or being attempted. */
	PENDING,

	/** The receiver answered 2xx. */
	DELIVERED,

	/** Every attempt failed; it can be replayed. */
	FAILED,

	/**
	 * Not sent: its endpoint was removed, or the client it was about was erased before it
	 * went.
	 */
	DROPPED

}
