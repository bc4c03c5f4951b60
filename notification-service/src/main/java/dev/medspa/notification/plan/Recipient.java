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

	/**
	 * A recipient as an event names them. Line breaks and other control characters in the
	 * name become spaces: a name reaches mail bodies and calendar invites, where a line
	 * break could start a header or a property of its own.
	 */
	public static Recipient of(String name, String email, @Nullable String phone, boolean consentToSms) {
		String clean = name.replaceAll("\\p{Cntrl}", " ").strip();
		return new Recipient(clean, email.strip(), normalize(email), phone, consentToSms);
	}

	/** An address as plans are listed by it: trimmed and lower-cased. */
	public static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/** What a plan keeps of a client whose data was erased: nothing. */
	static Recipient erased() {
		return new Recipient("Erased client", "erased@erased.invalid", "erased", null, false);
	}

	public boolean textable() {
		return this.consentToSms && this.phone != null && !this.phone.isBlank();
	}

}
