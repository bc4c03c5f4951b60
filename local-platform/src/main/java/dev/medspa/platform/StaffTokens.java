package dev.medspa.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs staff tokens (JWT, HS256) with the secret the services check them with. Staff
 * sign-in will issue tokens later; until then the local platform hands one out so staff
 * routes can be tried.
 */
public final class StaffTokens {

	/**
	 * The secret every service uses when {@code STAFF_TOKEN_SECRET} is not set; for a
	 * developer's machine only.
	 */
	public static final String DEVELOPMENT_SECRET = "local-development-only-secret-change-me-0123456789";

	private StaffTokens() {
	}

	public static String sign(String secret, String subject, Duration validFor) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		long now = Instant.now().getEpochSecond();
		String claims = base64
			.encodeToString("{\"sub\":\"%s\",\"iat\":%d,\"exp\":%d}".formatted(subject, now, now + validFor.toSeconds())
				.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String signature = base64
				.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
			return header + "." + claims + "." + signature;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
