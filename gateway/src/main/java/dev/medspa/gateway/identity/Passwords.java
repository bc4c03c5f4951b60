package dev.medspa.gateway.identity;

import java.security.SecureRandom;

/**
 * Generated passwords: 16 characters from an alphabet without look-alikes (about 94
 * bits).
 */
public final class Passwords {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	public static String generate() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
