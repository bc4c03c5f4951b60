package dev.medspa.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets of one installation, made on its first start and kept in its folder, so that
 * nothing in the repository is a secret any installation accepts.
 */
public final class InstallationSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private InstallationSecrets() {
	}

	/** The secret in the file, or a new random one (256 bits) written there first. */
	public static synchronized String readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			byte[] bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-installation";
			Files.createDirectories(file.getParent());
			Files.writeString(file, secret);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// the folder's own permissions protect it
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the installation secret in " + file, ex);
		}
	}

}
