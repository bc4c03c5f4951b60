package dev.medspa.booking.reservation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keys to bookings made before links were derived from the installation's key
 * ({@link dev.medspa.support.links.ManageLinks}): the booking's id and 256 random bits,
 * of which only a SHA-256 hash is stored. They keep opening their bookings until those
 * end; new bookings store the hash of their derived key the same way.
 */
final class ManageTokens {

	private ManageTokens() {
	}

	/** The hash to store of a token's secret part. */
	static String hashOf(String token) {
		return hash(token.substring(token.lastIndexOf('.') + 1));
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

}
