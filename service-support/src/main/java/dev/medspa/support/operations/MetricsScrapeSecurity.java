package dev.medspa.support.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The metrics scrape has a security chain of its own, ahead of the service's: HTTP Basic
 * (what Prometheus speaks) checked against the configured scrape password alone, so a
 * staff member's credentials or tokens open nothing here, and the scrape credentials open
 * nothing else.
 */
@AutoConfiguration(afterName = "dev.medspa.support.security.ServiceSecurityConfiguration",
		beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsScrapeSecurity {

	static final String SCRAPE_PATH = "/actuator/prometheus";

	private static final String ROLE = "ROLE_METRICS_SCRAPER";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain metricsScrapeSecurity(HttpSecurity http, MetricsProperties properties) throws Exception {
		http.securityMatcher(SCRAPE_PATH)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authenticationManager(new ProviderManager(new ScrapePassword(properties)))
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ROLE))
			.httpBasic(basic -> basic.realmName("metrics"));
		return http.build();
	}

	/** Accepts exactly the configured user and password, compared in constant time. */
	static final class ScrapePassword implements AuthenticationProvider {

		private final MetricsProperties properties;

		ScrapePassword(MetricsProperties properties) {
			this.properties = properties;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			String given = String.valueOf(authentication.getCredentials());
			boolean user = this.properties.username().equals(authentication.getName());
			boolean password = MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
					this.properties.scrapePassword().getBytes(StandardCharsets.UTF_8));
			if (!this.properties.open() || !user || !password) {
				throw new BadCredentialsException("Wrong scrape credentials");
			}
			return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
					List.of(new SimpleGrantedAuthority(ROLE)));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
