package dev.medspa.notification.plan;

/**
 * Where a message is. {@code SENDING} is held under a lease: if its sender dies, the
 * message becomes claimable again when the lease runs out.
 */
public enum MessageStatus {

	PLANNED, SENDING, SENT, FAILED, CANCELLED;

	public boolean isFinal() {
		return this == SENT || this == FAILED || this == CANCELLED;
	}

}
