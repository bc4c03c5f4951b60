package dev.medspa.notification.plan;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Who the messages of a booking go to.
 *
 * @param normalizedEmail lower-cased, to find the same client's other bookings and
 * preferences
 * @param consentToSms whether texts may be sent to {@code phone}
 */
public record Recipient(String name, String email, String normalizedEmail, @Nullable String phone,
		boolean consentToSms) {

	public static Recipient of(String name, String email, @Nullable String phone, boolean consentToSms) {
		return new Recipient(name, email, email.strip().toLowerCase(Locale.ROOT), phone, consentToSms);
	}

	public boolean textable() {
		return this.consentToSms && this.phone != null && !this.phone.isBlank();
	}

}
