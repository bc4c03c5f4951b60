package dev.medspa.support.security;

import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How staff tokens are checked until staff sign-in issues them through an identity
 * provider.
 *
 * @param staffTokenSecret the shared HMAC-SHA256 key that signs staff JWTs; set
 * {@code STAFF_TOKEN_SECRET} in any deployment, the default is for a developer's machine
 * only
 */
@Validated
@ConfigurationProperties("medspa.security")
public record SecurityProperties(@DefaultValue("local-development-only-secret-change-me-0123456789") @Size(min = 32,
		message = "must be at least 32 characters (256 bits)") String staffTokenSecret) {
}
