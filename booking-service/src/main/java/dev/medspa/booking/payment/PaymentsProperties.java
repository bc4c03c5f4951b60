package dev.medspa.booking.payment;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How payments are made.
 *
 * @param provider {@code local}: a fake provider that writes what it does to a file under
 * {@code localDirectory}; {@code http}: a card-token provider at {@code httpBaseUrl}
 * @param localDirectory where the local provider keeps its journal
 * @param declineTokens payment method tokens the local provider declines, besides those
 * starting with {@code pm_decline}
 * @param httpBaseUrl the provider's API, for example {@code https://api.provider.example}
 * @param httpApiKey the secret key sent as a bearer token; from the environment only
 * @param timeout how long one call to the provider may take before it counts as
 * unavailable
 * @param sweepInterval how often movements left pending are sent again
 * @param lease how long one instance may work on a movement before another may resend it
 */
@Validated
@ConfigurationProperties("medspa.booking.payments")
public record PaymentsProperties(@DefaultValue("local") @NotNull String provider, @Nullable Path localDirectory,
		@DefaultValue( {
		}) List<String> declineTokens, @Nullable URI httpBaseUrl, @Nullable String httpApiKey,
		@DefaultValue("PT10S") @NotNull Duration timeout, @DefaultValue("PT30S") @NotNull Duration sweepInterval,
		@DefaultValue("PT1M") @NotNull Duration lease){

	public PaymentsProperties {
		declineTokens = declineTokens == null ? List.of() : List.copyOf(declineTokens);
	}

}
