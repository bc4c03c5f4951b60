package dev.medspa.support;

import java.time.Instant;
import java.util.List;

import dev.medspa.support.links.EmailCodes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailCodesTest {

	private static final String KEY = "a-key-of-this-installation-0123456789abcdef";

	private static final String OTHER = "another-installation-key-0123456789abcdef";

	private static final Instant NOW = Instant.parse("2026-12-01T10:04:00Z");

	@Test
	void aCodeProvesOnlyItsOwnAddressForTenToTwentyMinutes() {
		EmailCodes codes = new EmailCodes(List.of(KEY));
		String code = codes.code("Ana@Example.com ", NOW);
		assertThat(code).matches("[0-9]{6}");
		assertThat(codes.matches("ana@example.com", code, NOW.plusSeconds(15 * 60))).isTrue();
		assertThat(codes.matches("ana@example.com", code, NOW.plusSeconds(16 * 60))).isFalse();
		assertThat(codes.matches("bob@example.com", code, NOW)).isFalse();
		assertThat(codes.matches("ana@example.com", "", NOW)).isFalse();
		assertThat(codes.code("ana@example.com", NOW)).isNotEqualTo(codes.code("bob@example.com", NOW));
	}

	@Test
	void anotherInstallationsCodesFailAndARotatedKeyStillWorks() {
		String old = new EmailCodes(List.of(OTHER)).code("ana@example.com", NOW);
		assertThat(new EmailCodes(List.of(KEY)).matches("ana@example.com", old, NOW)).isFalse();
		assertThat(new EmailCodes(List.of(KEY, OTHER)).matches("ana@example.com", old, NOW)).isTrue();
	}

}
