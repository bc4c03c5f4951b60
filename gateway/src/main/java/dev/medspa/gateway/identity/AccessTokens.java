package dev.medspa.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.medspa.support.security.StaffClaims;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the short-lived access tokens that the pages relay to the services for a
 * signed-in staff member: signed with the installation's key (the one the authorization
 * server publishes as JWKS), with the member's roles and locations as claims.
 */
@Component
public class AccessTokens {

	private final JwtEncoder encoder;

	private final IdentityProperties properties;

	private final Clock clock;

	/**
	 * Tokens are timed by the system clock, always: every service checks their times
	 * against its own, so no shifted clock (of end-to-end tests) may touch them.
	 */
	AccessTokens(JwtEncoder encoder, IdentityProperties properties) {
		this.encoder = encoder;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/** A token for the member, valid for the configured lifetime. */
	public String issue(StaffAccount account) {
		return issue(account, this.properties.accessTokenLifetime());
	}

	/**
	 * A token for the member's own scripts, valid for the configured API token lifetime.
	 */
	public String issueForApi(StaffAccount account) {
		return issue(account, this.properties.apiTokenLifetime());
	}

	private String issue(StaffAccount account, java.time.Duration lifetime) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(account.email())
			.audience(List.of(StaffClaims.AUDIENCE))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(lifetime))
			.claim(StaffClaims.NAME, account.displayName())
			.claim(StaffClaims.ROLES, StaffClaims.roleNames(account.roles()))
			.claim(StaffClaims.LOCATIONS, account.locations().stream().sorted().toList())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

}
