package dev.medspa.support.security;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service checks staff access tokens: JWTs signed by the identity provider (the
 * gateway's authorization server) with an asymmetric key, whose public half is fetched
 * from its JWKS. Nothing here is a secret.
 *
 * @param jwkSetUri where the identity provider publishes its public keys
 * ({@code STAFF_JWK_SET_URI})
 * @param issuer the {@code iss} every token must carry ({@code STAFF_TOKEN_ISSUER})
 * @param audience a value the token's {@code aud} must contain
 */
@Validated
@ConfigurationProperties("medspa.security")
public record SecurityProperties(@DefaultValue("http://127.0.0.1:8080/oauth2/jwks") @NotNull URI jwkSetUri,
		@DefaultValue("http://127.0.0.1:8080") @NotBlank String issuer,
		@DefaultValue(StaffClaims.AUDIENCE) @NotBlank String audience) {
}
