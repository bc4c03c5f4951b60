package dev.medspa.gateway.identity;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Staff identity.
 *
 * @param issuer the {@code iss} of every access token, the gateway's public address
 * ({@code GATEWAY_URL})
 * @param signingKeyFile where the installation's RSA signing key is kept; generated there
 * on first start, never shipped ({@code IDENTITY_SIGNING_KEY_FILE})
 * @param accessTokenLifetime how long an access token the pages relay is valid
 * @param apiTokenLifetime how long a token from /staff/api-token is valid
 * @param maxFailedSignIns wrong passwords in a row that lock an account
 * @param lockDuration how long a locked account stays locked
 * @param demoStaffFile when set and no account exists, demo staff are created once with
 * generated passwords, written to this file for the local platform to print
 */
@Validated
@ConfigurationProperties("medspa.identity")
public record IdentityProperties(@DefaultValue("http://127.0.0.1:8080") @NotBlank String issuer,
		@DefaultValue(".local/keys/signing-key.json") @NotNull Path signingKeyFile,
		@DefaultValue("PT5M") @NotNull Duration accessTokenLifetime,
		@DefaultValue("PT1H") @NotNull Duration apiTokenLifetime, @DefaultValue("5") @Min(1) int maxFailedSignIns,
		@DefaultValue("PT15M") @NotNull Duration lockDuration, @Nullable Path demoStaffFile) {
}
