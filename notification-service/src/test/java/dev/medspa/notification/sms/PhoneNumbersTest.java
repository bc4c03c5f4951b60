package dev.medspa.notification.sms;

import dev.medspa.notification.sms.SmsSender.SmsRejected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PhoneNumbersTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "(925) 555-0199|1|+19255550199", "925.555.0199|1|+19255550199", "925 555 0199|+1|+19255550199",
					"+1 925 555 0199|1|+19255550199", "+44 (20) 7946-0958|1|+442079460958",
					"  +33 1 23 45 67 89  |1|+33123456789", "20 7946 0958|44|+442079460958" })
	void keepsOnlyTheDigitsAndTheCountry(String raw, String country, String e164) {
		assertThat(PhoneNumbers.toE164(raw, country)).isEqualTo(e164);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "+", "55-0199", "+1 555 01", "+1 925 555 0199 1234 5", "925 555 0199 ext 2",
			"+0 925 555 0199", "925/555/0199", "++19255550199" })
	void rejectsWhatCannotBeANumber(String raw) {
		assertThatExceptionOfType(SmsRejected.class).isThrownBy(() -> PhoneNumbers.toE164(raw, "1"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "+19255550199|***0199", "(925) 555-0199|***0199", "12|***" })
	void masksAllButTheLastFourDigits(String phone, String masked) {
		assertThat(PhoneNumbers.masked(phone)).isEqualTo(masked);
	}

}
