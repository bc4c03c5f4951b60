package dev.medspa.notification.webhook;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Posts one signed delivery to a receiver. */
public interface WebhookSender {

	/**
	 * @param headers the {@code webhook-*} headers
	 * @return the receiver's answer; never throws for a receiver's failure
	 */
	Answer post(URI target, Map<String, String> headers, String body);

	/**
	 * @param status the answer's code, or null when none came
	 * @param error what went wrong when no answer came
	 */
	record Answer(@Nullable Integer status, long latencyMillis, @Nullable String error) {

		public boolean succeeded() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

}
