package dev.medspa.notification.plan;

/** How a message reaches the client. */
public enum Channel {

	EMAIL, SMS

}
