package dev.medspa.gateway.identity;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The gateway's real security chains and token issuer, for a web slice of pages in
 * another package: sign-in for staff pages, CSRF on every form, and the access tokens the
 * pages relay. The slice gives {@link StaffAccounts} and a signing key file.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ IdentityConfiguration.class, AccessTokens.class })
@EnableConfigurationProperties(IdentityProperties.class)
public class PageSecurityForTests {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
