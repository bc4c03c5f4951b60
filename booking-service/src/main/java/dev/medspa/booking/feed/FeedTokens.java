package dev.medspa.booking.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets of feed addresses: 256 random bits, URL-safe, of which only the SHA-256
 * hash is kept. A feed's id is random too and unrelated to its token.
 */
final class FeedTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** 32 bytes in unpadded base64url. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private FeedTokens() {
	}

	static String newToken() {
		return random(32);
	}

	static String newId() {
		return random(12);
	}

	/** Whether a string has the form of a token; says nothing of whether one exists. */
	static boolean wellFormed(String token) {
		return TOKEN.matcher(token).matches();
	}

	static String hashOf(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
