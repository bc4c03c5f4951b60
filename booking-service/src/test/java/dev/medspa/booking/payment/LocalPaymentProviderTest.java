package dev.medspa.booking.payment;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPaymentProviderTest {

	@TempDir
	Path directory;

	@Test
	void answersARepeatedKeyWithTheFirstResultAlsoAfterARestart() {
		LocalPaymentProvider provider = new LocalPaymentProvider(this.directory, List.of(), Clock.systemUTC());
		PaymentProvider.Outcome first = provider.charge("b1:deposit", "booking:b1", "pm_card_visa", 5000, "USD");
		LocalPaymentProvider restarted = new LocalPaymentProvider(this.directory, List.of(), Clock.systemUTC());

		assertThat(restarted.charge("b1:deposit", "booking:b1", "pm_card_visa", 5000, "USD")).isEqualTo(first);
		assertThat(restarted.entries()).extracting(LocalPaymentProvider.Entry::op)
			.containsExactly("customer", "charge");
	}

	@Test
	void declinesTheTokensItIsToldTo() {
		LocalPaymentProvider provider = new LocalPaymentProvider(this.directory, List.of("pm_card_stolen"),
				Clock.systemUTC());

		assertThat(provider.charge("b2:deposit", "booking:b2", "pm_decline_funds", 5000, "USD").status())
			.isEqualTo(PaymentProvider.Status.FAILED);
		assertThat(provider.keepCard("b3:card", "booking:b3", "pm_card_stolen").declineCode())
			.isEqualTo("card_declined");
		assertThat(provider.keepCard("b4:card", "booking:b4", "pm_card_visa").status())
			.isEqualTo(PaymentProvider.Status.SUCCEEDED);
	}

	@Test
	void refundsOnlyWhatWasCharged() {
		LocalPaymentProvider provider = new LocalPaymentProvider(this.directory, List.of(), Clock.systemUTC());
		String payment = String.valueOf(provider.charge("b5:deposit", "booking:b5", "pm_card_visa", 5000, "USD").id());

		assertThat(provider.refund("b5:deposit-refund", payment, 5000).status())
			.isEqualTo(PaymentProvider.Status.SUCCEEDED);
		assertThat(provider.refund("b5:other", payment, 9000).status()).isEqualTo(PaymentProvider.Status.FAILED);
	}

}
