package dev.medspa.notification.sms;

import java.time.Duration;
import java.util.List;

import dev.medspa.notification.sms.SmsProperties.Provider;
import dev.medspa.notification.sms.SmsSender.SmsRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The clinic texts its own country's ordinary numbers and nothing else. */
class SmsDestinationsTest {

	private final SmsDestinations usOnly = new SmsDestinations(
			new SmsProperties(Provider.SINK, null, null, null, "1", Duration.ofSeconds(5), List.of("US")));

	@Test
	void anOrdinaryNumberOfTheClinicsCountryIsTexted() {
		assertThatCode(() -> this.usOnly.check("(925) 555-0199")).doesNotThrowAnyException();
		assertThatCode(() -> this.usOnly.check("+1 480 555 0112")).doesNotThrowAnyException();
	}

	@Test
	void numbersAbroadAndPremiumNumbersAreRefusedForGoodWithoutSayingTheNumber() {
		assertThatThrownBy(() -> this.usOnly.check("+44 20 7183 8750")).isInstanceOf(SmsRejected.class)
			.hasMessageContaining("***8750")
			.hasMessageNotContaining("2071838750");
		// Jamaica shares the +1 calling code
		assertThatThrownBy(() -> this.usOnly.check("+1 876 555 0100")).isInstanceOf(SmsRejected.class);
		assertThatThrownBy(() -> this.usOnly.check("+1 900 555 0100")).isInstanceOf(SmsRejected.class)
			.hasMessageContaining("premium");
	}

	@Test
	void aClinicMayAllowMoreCountries() {
		SmsDestinations withUk = new SmsDestinations(
				new SmsProperties(Provider.SINK, null, null, null, "1", Duration.ofSeconds(5), List.of("US", "gb")));
		assertThatCode(() -> withUk.check("+44 20 7183 8750")).doesNotThrowAnyException();
	}

}
