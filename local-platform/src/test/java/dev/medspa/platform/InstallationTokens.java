package dev.medspa.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens signed with the key an installation generated on its first start, as an operator
 * with access to the host could; the services accept them only because they check the
 * gateway's JWKS, which publishes that key.
 */
final class InstallationTokens {

	private InstallationTokens() {
	}

	static String owner(Path keyFile, String issuer) throws Exception {
		return token(keyFile, issuer, "OWNER", List.of(), claims -> {
		});
	}

	/**
	 * A staff token of one role at some locations, as the gateway would issue it, after
	 * {@code tweak} has changed its claims (to make it expired, another issuer's, and so
	 * on).
	 */
	static String token(Path keyFile, String issuer, String role, List<String> locations,
			Consumer<JWTClaimsSet.Builder> tweak) throws Exception {
		RSAKey key = RSAKey.parse(Files.readString(keyFile));
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(role.toLowerCase() + "@clinic.example")
			.audience("medspa-api")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("roles", List.of(role))
			.claim("locations", locations);
		tweak.accept(claims);
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
