package dev.medspa.notification.webhook;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretSealerTest {

	private static final String SECRET = WebhookSigner.newSecret();

	@Test
	void aSealedSecretHidesTheSecretAndOpensAgain() {
		SecretSealer sealer = new SecretSealer(List.of("first-installation-key"));
		String sealed = sealer.seal(SECRET);
		assertThat(sealed).startsWith("sealed1:").doesNotContain(SECRET.substring("whsec_".length()));
		assertThat(sealer.seal(SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertThat(sealer.open(sealed)).isEqualTo(SECRET);
	}

	@Test
	void afterTheInstallationsKeysRotateTheOldKeyStillOpensUntilItIsRemoved() {
		String sealed = new SecretSealer(List.of("old-key")).seal(SECRET);
		assertThat(new SecretSealer(List.of("new-key", "old-key")).open(sealed)).isEqualTo(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> new SecretSealer(List.of("new-key")).open(sealed));
	}

	@Test
	void aSecretStoredBeforeSealingIsReadAsItIsAndNoKeyMeansNoStart() {
		assertThat(new SecretSealer(List.of("k")).open(SECRET)).isEqualTo(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> new SecretSealer(List.of(" ")));
	}

}
