package dev.medspa.booking.reservation;

import java.util.Locale;

/**
 * The client as they gave themselves when booking; no account.
 *
 * @param email as typed, for messages
 * @param normalizedEmail lower-cased and trimmed, to recognise the same client across
 * bookings
 */
public record Client(String name, String email, String normalizedEmail, String phone, boolean consentToSms) {

	public static Client of(String name, String email, String phone, boolean consentToSms) {
		return new Client(name.strip(), email.strip(), normalize(email), phone.strip(), consentToSms);
	}

	/** An address as bookings know their client by it. */
	public static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	private static final String ERASED = "erased:";

	/**
	 * What a booking keeps of a client whose data was erased: nothing that names them;
	 * the booking stays as an anonymous fact (treatment, place, time, status).
	 */
	public static Client erased(String bookingId) {
		return new Client("Erased client", "erased@erased.invalid", ERASED + bookingId, "", false);
	}

	public boolean isErased() {
		return this.normalizedEmail.startsWith(ERASED);
	}

}
