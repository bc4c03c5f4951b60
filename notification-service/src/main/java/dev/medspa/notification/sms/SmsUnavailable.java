package dev.medspa.notification.sms;

import org.jspecify.annotations.Nullable;

/**
 * The message could not be handed over this time (provider busy or down, network error);
 * a separate type so logs and tests can tell it from a bug, while the caller retries it
 * like any other failure.
 */
public class SmsUnavailable extends RuntimeException {

	public SmsUnavailable(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
