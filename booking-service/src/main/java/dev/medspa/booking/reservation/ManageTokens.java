package dev.medspa.booking.reservation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The client's key to their booking, without an account: the booking's id and 256 random
 * bits. Only a SHA-256 hash of the random part is stored, so the database cannot hand out
 * working links; the id lets the booking be found by its key alone.
 */
final class ManageTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ManageTokens() {
	}

	/** A new token for a booking, and the hash to store. */
	static Issued issue(String bookingId) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return new Issued(bookingId + "." + secretText, hash(secretText));
	}

	/**
	 * The booking id a token names, if it has the form of one; says nothing about whether
	 * it is valid.
	 */
	static Optional<String> bookingId(String token) {
		int dot = token.lastIndexOf('.');
		return dot <= 0 ? Optional.empty() : Optional.of(token.substring(0, dot));
	}

	/** Whether a token matches a stored hash, compared in constant time. */
	static boolean matches(String token, String storedHash) {
		int dot = token.lastIndexOf('.');
		if (dot <= 0) {
			return false;
		}
		byte[] given = hash(token.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(given, storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	record Issued(String token, String hash) {
	}

}
