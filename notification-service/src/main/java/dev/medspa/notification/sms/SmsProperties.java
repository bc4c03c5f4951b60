package dev.medspa.notification.sms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param provider where messages go: {@code sink} (the default) only records them, so a
 * development machine never texts a real phone; {@code http} posts them to {@code url}
 * @param sinkDirectory where the sink appends {@code sms.jsonl}; {@code medspa-sms} in
 * the temporary directory when not set
 * @param url the HTTP provider's endpoint for one message; required with {@code http}
 * @param apiKey sent as a bearer token to the HTTP provider, when set
 * @param defaultCountryCode the calling code for numbers given without a '+'
 * @param timeout the longest wait to connect to the provider and for its answer
 * @param allowedRegions the countries (ISO 3166 codes) whose numbers may be texted; the
 * clinic's own by default, so nobody can make it text premium or far-away numbers (SMS
 * pumping)
 */
@Validated
@ConfigurationProperties("medspa.notification.sms")
public record SmsProperties(@DefaultValue("sink") @NotNull Provider provider, Path sinkDirectory, @Nullable URI url,
		@Nullable String apiKey, @DefaultValue("1") @Pattern(regexp = "\\+?[1-9][0-9]{0,2}") String defaultCountryCode,
		@DefaultValue("PT10S") @NotNull Duration timeout, @DefaultValue("US") List<String> allowedRegions) {

	public SmsProperties {
		// the temporary directory differs per machine, so its default is computed here
		if (sinkDirectory == null) {
			sinkDirectory = Path.of(System.getProperty("java.io.tmpdir"), "medspa-sms");
		}
	}

	public enum Provider {

		/** Append each message to a local file instead of sending it. */
		SINK,

		/** Post each message to an HTTP provider. */
		HTTP

	}

}
