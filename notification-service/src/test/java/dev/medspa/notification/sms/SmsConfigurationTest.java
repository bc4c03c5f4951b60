package dev.medspa.notification.sms;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import dev.medspa.notification.sms.SmsProperties.Provider;
import dev.medspa.notification.sms.web.HttpSmsSender;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The setting picks exactly one sender, and a half-configured provider stops startup. */
class SmsConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Infrastructure.class, SmsConfiguration.class);

	@Test
	void recordsInTheSinkUnlessToldOtherwise() {
		this.context.run((context) -> {
			assertThat(context).hasSingleBean(SmsSender.class).hasSingleBean(SinkSmsSender.class);
			SmsProperties properties = context.getBean(SmsProperties.class);
			assertThat(properties.provider()).isEqualTo(Provider.SINK);
			assertThat(properties.sinkDirectory())
				.isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "medspa-sms"));
			assertThat(properties.defaultCountryCode()).isEqualTo("1");
			assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.url()).isNull();
			assertThat(properties.apiKey()).isNull();
		});
	}

	@Test
	void postsToTheProviderWhenItIsConfigured() {
		this.context
			.withPropertyValues("medspa.notification.sms.provider=HTTP",
					"medspa.notification.sms.url=http://127.0.0.1:9/messages", "medspa.notification.sms.api-key=k",
					"medspa.notification.sms.timeout=3s")
			.run((context) -> assertThat(context).hasSingleBean(SmsSender.class).hasSingleBean(HttpSmsSender.class));
	}

	@Test
	void refusesToStartWithAProviderButNoUrl() {
		this.context.withPropertyValues("medspa.notification.sms.provider=http")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("medspa.notification.sms.url"));
	}

	@Test
	void refusesToStartWithAnUnknownProvider() {
		this.context.withPropertyValues("medspa.notification.sms.provider=carrier-pigeon")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void refusesToStartWithACountryCodeThatCannotBeOne() {
		this.context.withPropertyValues("medspa.notification.sms.default-country-code=01")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SmsProperties.class)
	static class Infrastructure {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
