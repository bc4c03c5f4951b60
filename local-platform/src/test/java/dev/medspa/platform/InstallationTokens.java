package dev.medspa.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

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
		RSAKey key = RSAKey.parse(Files.readString(keyFile));
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("owner@clinic.example")
			.audience("medspa-api")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("roles", List.of("OWNER"))
			.claim("locations", List.of())
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
