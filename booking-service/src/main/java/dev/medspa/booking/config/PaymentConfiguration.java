package dev.medspa.booking.config;

import java.nio.file.Path;
import java.time.Clock;

import dev.medspa.booking.payment.LocalPaymentProvider;
import dev.medspa.booking.payment.PaymentProvider;
import dev.medspa.booking.payment.PaymentsProperties;
import dev.medspa.booking.payment.web.HttpPaymentProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment provider, chosen by {@code medspa.booking.payments.provider}: the local
 * fake one (the default) or a card-token provider over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	private static final String PREFIX = "medspa.booking.payments";

	@Bean
	@ConditionalOnProperty(prefix = PREFIX, name = "provider", havingValue = "http")
	PaymentProvider httpPaymentProvider(PaymentsProperties properties) {
		if (properties.httpBaseUrl() == null || properties.httpBaseUrl().toString().isEmpty()
				|| properties.httpApiKey() == null || properties.httpApiKey().isBlank()) {
			throw new IllegalStateException(
					"medspa.booking.payments.http-base-url and http-api-key are needed with provider=http");
		}
		return new HttpPaymentProvider(properties.httpBaseUrl(), properties.httpApiKey(), properties.timeout());
	}

	@Bean
	@ConditionalOnProperty(prefix = PREFIX, name = "provider", havingValue = "local", matchIfMissing = true)
	LocalPaymentProvider localPaymentProvider(PaymentsProperties properties, Clock clock) {
		Path directory = properties.localDirectory() != null ? properties.localDirectory()
				: Path.of(System.getProperty("java.io.tmpdir"), "medspa-payments");
		return new LocalPaymentProvider(directory, properties.declineTokens(), clock);
	}

}
