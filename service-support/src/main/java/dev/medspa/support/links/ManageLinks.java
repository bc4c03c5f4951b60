package dev.medspa.support.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client's key to a booking: the booking's id and an HMAC-SHA256 of it under the
 * installation's manage-link key. The same keys, under other purposes, make a waiter's
 * keys to a waitlist place and to an offer. booking-service checks it and
 * notification-service puts it into messages, each computing it from the id; so nothing
 * on Kafka, in a dead-letter topic, in a backup or in any database can be turned into a
 * working link without the key, which lives only in the services' configuration.
 * <p>
 * Rotation: the first key signs, every key listed verifies. Put a new key first and keep
 * the old one second until the bookings whose messages carried old links have ended, then
 * drop it.
 */
public final class ManageLinks {

	private static final String PURPOSE = "medspa-manage-link|";

	/** A waiter's key to their place on a waitlist: to see it and to leave it. */
	private static final String WAITLIST = "medspa-waitlist-link|";

	/** A waiter's key to one offer of a freed slot: to see it and to claim it. */
	private static final String OFFER = "medspa-offer-link|";

	/** A client's key to the intake and consent forms of one booking. */
	private static final String INTAKE = "medspa-intake-link|";

	private static final int MIN_KEY_LENGTH = 32;

	private final List<SecretKeySpec> keys;

	/**
	 * @param keys at least one, each of at least 32 characters; the first signs
	 */
	public ManageLinks(List<String> keys) {
		if (keys.isEmpty() || keys.stream().anyMatch(key -> key == null || key.strip().length() < MIN_KEY_LENGTH)) {
			throw new IllegalArgumentException(
					"A manage-link key of at least " + MIN_KEY_LENGTH + " characters is required (MANAGE_LINK_KEYS)");
		}
		this.keys = keys.stream()
			.map(key -> new SecretKeySpec(key.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.toList();
	}

	/** The key to a booking, as the client's links carry it. */
	public String token(String bookingId) {
		return tokenFor(PURPOSE, bookingId);
	}

	/** The booking a token opens, if any key of this installation made it. */
	public Optional<String> bookingId(String token) {
		return idOf(PURPOSE, token);
	}

	/** The key to a place on a waitlist, as the waiter's links carry it. */
	public String waitlistToken(String entryId) {
		return tokenFor(WAITLIST, entryId);
	}

	/** The waitlist place a token opens, if any key of this installation made it. */
	public Optional<String> waitlistEntryId(String token) {
		return idOf(WAITLIST, token);
	}

	/** The key to an offer of a freed slot, as the offer's links carry it. */
	public String offerToken(String offerId) {
		return tokenFor(OFFER, offerId);
	}

	/** The offer a token opens, if any key of this installation made it. */
	public Optional<String> offerId(String token) {
		return idOf(OFFER, token);
	}

	/** The key to a booking's forms, as the client's messages carry it. */
	public String intakeToken(String bookingId) {
		return tokenFor(INTAKE, bookingId);
	}

	/** The booking whose forms a token opens, if any key of this installation made it. */
	public Optional<String> intakeBookingId(String token) {
		return idOf(INTAKE, token);
	}

	private String tokenFor(String purpose, String id) {
		return id + "." + mac(this.keys.get(0), purpose, id);
	}

	/**
	 * The id a token names when its MAC, for this purpose, is one of this installation's;
	 * a key made for one purpose never opens another.
	 */
	private Optional<String> idOf(String purpose, String token) {
		int dot = token.lastIndexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String id = token.substring(0, dot);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		for (SecretKeySpec key : this.keys) {
			if (MessageDigest.isEqual(given, mac(key, purpose, id).getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(id);
			}
		}
		return Optional.empty();
	}

	private static String mac(SecretKeySpec key, String purpose, String id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal((purpose + id).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
