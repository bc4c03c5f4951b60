package dev.medspa.notification.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps endpoints' signing secrets sealed at rest (AES-256-GCM), so a copy of the store
 * alone cannot forge deliveries to a clinic's systems. The sealing keys are derived, for
 * this purpose only, from the installation's keys ({@code MANAGE_LINK_KEYS}): the first
 * seals, every one opens, so those keys can be rotated like the links' keys.
 */
public class SecretSealer {

	private static final String PREFIX = "sealed1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final List<SecretKeySpec> keys;

	public SecretSealer(List<String> installationKeys) {
		List<String> usable = installationKeys.stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
		if (usable.isEmpty()) {
			throw new IllegalStateException(
					"Webhook secrets are sealed with keys derived from MANAGE_LINK_KEYS, and none is set");
		}
		this.keys = usable.stream().map(SecretSealer::derive).toList();
	}

	public String seal(String secret) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * The secret, opened with whichever installation key sealed it; a secret stored
	 * before sealing began is returned as it is.
	 * @throws IllegalStateException if no key opens it (the key that sealed it was
	 * removed)
	 */
	public String open(String stored) {
		if (!stored.startsWith(PREFIX)) {
			return stored;
		}
		byte[] both = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		for (SecretKeySpec key : this.keys) {
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, both, 0, IV_BYTES));
				return new String(cipher.doFinal(both, IV_BYTES, both.length - IV_BYTES), StandardCharsets.UTF_8);
			}
			catch (GeneralSecurityException wrongKey) {
				// the next key may be the one
			}
		}
		throw new IllegalStateException("No installation key opens this webhook secret; rotate the endpoint's secret");
	}

	private static SecretKeySpec derive(String installationKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(installationKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return new SecretKeySpec(mac.doFinal("medspa webhook signing secrets".getBytes(StandardCharsets.UTF_8)),
					"AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
