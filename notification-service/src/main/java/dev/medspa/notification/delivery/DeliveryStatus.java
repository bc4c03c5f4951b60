package dev.medspa.notification.delivery;

/** Where a message is: being sent (under a lease), sent, or given up on. */
public enum DeliveryStatus {

	SENDING, SENT, FAILED

}
