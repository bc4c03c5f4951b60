package dev.medspa.support.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Six-digit codes that prove a client reads the e-mail address they typed, before the
 * platform says anything that depends on that address's history (consultation done,
 * sessions booked). A code is derived, not stored: an HMAC-SHA256 of the normalised
 * address and the current ten-minute window under the installation's manage-link key,
 * with its own purpose prefix. notification-service computes it to send it,
 * booking-service to check it; neither keeps it and it never travels on Kafka.
 * <p>
 * A code works in the window it was made in and the next one, so 10 to 20 minutes.
 * Guessing is bounded by the callers (a few misses per address and e-mail an hour against
 * a million codes). Rotation follows {@link ManageLinks}: the first key makes codes,
 * every key listed is accepted.
 */
public final class EmailCodes {

	/** How long one window lasts; a code is good in its window and the next. */
	public static final Duration WINDOW = Duration.ofMinutes(10);

	private static final String PURPOSE = "medspa-email-code|";

	private final List<SecretKeySpec> keys;

	/**
	 * @param keys the manage-link keys (at least one, each of at least 32 characters);
	 * the first makes codes
	 */
	public EmailCodes(List<String> keys) {
		new ManageLinks(keys);
		this.keys = keys.stream()
			.map(key -> new SecretKeySpec(key.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.toList();
	}

	/** The code for this address now. */
	public String code(String email, Instant now) {
		return code(this.keys.get(0), normalise(email), window(now));
	}

	/** Whether the code is this address's, made in this window or the one before. */
	public boolean matches(String email, String code, Instant now) {
		byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
		String address = normalise(email);
		long window = window(now);
		boolean matched = false;
		for (SecretKeySpec key : this.keys) {
			for (long w = window - 1; w <= window; w++) {
				// every candidate is compared, so the time taken does not tell which
				// matched
				matched |= MessageDigest.isEqual(given, code(key, address, w).getBytes(StandardCharsets.US_ASCII));
			}
		}
		return matched;
	}

	/**
	 * For staff acting on a client's request (export, erasure): the code the client read
	 * out must be this address's.
	 * @throws dev.medspa.support.Refusal 422 {@code email-code-invalid} otherwise
	 */
	public void requireReadOut(String email, @org.jspecify.annotations.Nullable String code, Instant now) {
		if (code == null || !matches(email, code, now)) {
			throw dev.medspa.support.Refusal.unprocessable("email-code-invalid", "Wrong or expired code", "emailCode",
					"Ask the client for the code we e-mailed to this address (send one with POST /api/email-codes)");
		}
	}

	private static long window(Instant now) {
		return now.getEpochSecond() / WINDOW.toSeconds();
	}

	private static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	private static String code(SecretKeySpec key, String email, long window) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal((PURPOSE + window + "|" + email).getBytes(StandardCharsets.UTF_8));
			int offset = digest[digest.length - 1] & 0x0f;
			int value = ((digest[offset] & 0x7f) << 24) | ((digest[offset + 1] & 0xff) << 16)
					| ((digest[offset + 2] & 0xff) << 8) | (digest[offset + 3] & 0xff);
			return String.format(Locale.ROOT, "%06d", value % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
