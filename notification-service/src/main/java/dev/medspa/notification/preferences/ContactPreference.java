package dev.medspa.notification.preferences;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * @param token the client's unsubscribe token, which is also the key
 * @param optedOutAt when the client unsubscribed from optional messages, if they did
 */
@Document("contact_preferences")
public record ContactPreference(@Id String token, String email, @Nullable Instant optedOutAt) {

	public boolean optedOut() {
		return this.optedOutAt != null;
	}

}
