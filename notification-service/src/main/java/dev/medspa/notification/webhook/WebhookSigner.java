package dev.medspa.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification defines them: HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>} with the secret's bytes, sent as
 * {@code v1,<base64>}; while a secret is being replaced, one signature per secret,
 * separated by spaces, so a receiver holding either accepts the message.
 */
public final class WebhookSigner {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSigner() {
	}

	/**
	 * A new secret of 32 random bytes, in the form the specification's libraries read.
	 */
	public static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The {@code webhook-signature} header's value. */
	public static String signature(List<String> secrets, String webhookId, long timestamp, String body) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("No secret to sign with");
		}
		byte[] content = (webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
		return secrets.stream().map(secret -> "v1," + hmac(secret, content)).collect(Collectors.joining(" "));
	}

	private static String hmac(String secret, byte[] content) {
		String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
