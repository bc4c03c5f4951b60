package dev.medspa.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An owner's access token, signed with the key the gateway made on its first start, as an
 * operator with access to the host could: the services accept it because the gateway's
 * JWKS publishes that key.
 */
final class StaffToken {

	private StaffToken() {
	}

	static String owner(Path signingKey, String issuer, Duration validFor) {
		try {
			RSAKey key = RSAKey.parse(Files.readString(signingKey));
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
				.subject("benchmark@clinic.example")
				.audience("medspa-api")
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(validFor)))
				.claim("roles", List.of("OWNER"))
				.claim("locations", List.of())
				.build();
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (IOException | ParseException | JOSEException ex) {
			throw new IllegalStateException("Cannot sign a staff token with " + signingKey, ex);
		}
	}

}
