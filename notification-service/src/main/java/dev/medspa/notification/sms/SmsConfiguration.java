package dev.medspa.notification.sms;

import java.time.Clock;

import dev.medspa.notification.sms.web.HttpSmsSender;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exactly one {@link SmsSender}, chosen by {@code medspa.notification.sms.provider}. The
 * sink is the default so that nothing reaches a real phone unless asked for.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

	private static final String PREFIX = "medspa.notification.sms";

	@Bean
	@ConditionalOnProperty(prefix = PREFIX, name = "provider", havingValue = "http")
	HttpSmsSender httpSmsSender(SmsProperties properties) {
		if (properties.url() == null || properties.url().toString().isBlank()) {
			throw new IllegalStateException(
					PREFIX + ".provider is http but " + PREFIX + ".url (the provider's endpoint) is not set");
		}
		return new HttpSmsSender(properties);
	}

	@Bean
	@ConditionalOnProperty(prefix = PREFIX, name = "provider", havingValue = "sink", matchIfMissing = true)
	SinkSmsSender sinkSmsSender(SmsProperties properties, Clock clock) {
		return new SinkSmsSender(properties.sinkDirectory(), properties.defaultCountryCode(), clock);
	}

}
