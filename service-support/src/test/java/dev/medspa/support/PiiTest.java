package dev.medspa.support;

import dev.medspa.support.privacy.Pii;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiTest {

	@Test
	void addressesAndPhoneNumbersAreMaskedAndNothingElse() {
		assertThat(Pii.mask("550 5.1.1 <ana.gomez@example.com>: Recipient address rejected"))
			.isEqualTo("550 5.1.1 <a***@example.com>: Recipient address rejected");
		assertThat(Pii.mask("SMS to +1 925 555 0199 refused; also +19255550123"))
			.isEqualTo("SMS to ***99 refused; also ***23");
		assertThat(Pii.mask("call (925) 555-0199 or 925.555.0188")).isEqualTo("call ***99 or ***88");
		String ordinary = "Message b1c2:reminder:v1 held back until 2026-12-01T16:00:00Z, attempt 3 of 10 at 10.0.0.1:8080";
		assertThat(Pii.mask(ordinary)).isEqualTo(ordinary);
		assertThat(Pii.mask("booking 3f2a-49be-9c5d-123456789012")).isEqualTo("booking 3f2a-49be-9c5d-123456789012");
	}

}
