package dev.medspa.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The installation's RSA key that signs staff access tokens. It is generated on first
 * start and kept in a file only the gateway's user can read; nothing in the repository is
 * a key any service accepts.
 */
final class SigningKey {

	private SigningKey() {
	}

	static RSAKey loadOrCreate(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
				if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
					throw new IllegalStateException(file + " does not hold a private RSA key in JWK form");
				}
				return rsa;
			}
			RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyID(UUID.randomUUID().toString())
				.generate();
			write(file, key.toJSONString());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the signing key at " + file, ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(file + " is not a JWK: " + ex.getMessage(), ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	private static void write(Path file, String json) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path temporary = Files.createTempFile(folder, "signing-key", ".tmp");
		try {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system; the folder's permissions apply
		}
		Files.writeString(temporary, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

}
