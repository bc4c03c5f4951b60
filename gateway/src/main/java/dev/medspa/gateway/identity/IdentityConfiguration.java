package dev.medspa.gateway.identity;

import org.jspecify.annotations.Nullable;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Staff identity with Spring Security's authorization server, in the gateway because the
 * gateway is where staff sign in: one process holds the session, the sign-in page and the
 * key, and nothing else needs to reach the key. The authorization server publishes the
 * public key (JWKS) and its metadata; the pages relay tokens from {@link AccessTokens},
 * signed with the same key.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, Customizer.withDefaults())
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/staff/sign-in"),
					new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	/**
	 * The API routes: no session and no sign-in here; each service checks the bearer
	 * token itself. Calendar feeds ({@code /feeds/**}) too: their token is in the
	 * address, and booking-service checks it.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiRouteSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**", "/feeds/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		return http.build();
	}

	/**
	 * The pages: public for clients, signed in under {@code /staff}, a server-side
	 * session with CSRF protection.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain pageSecurity(HttpSecurity http, StaffAccounts accounts, java.time.Clock clock)
			throws Exception {
		http.addFilterBefore(new CurrentAccountFilter(accounts, clock),
				org.springframework.security.web.access.intercept.AuthorizationFilter.class);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/staff/sign-in", "/staff/signed-out", "/session-ended", "/css/**", "/js/**",
					"/webjars/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
					"/docs/asyncapi.json")
			.permitAll()
			.requestMatchers("/staff/admin/**", "/staff/webhooks", "/staff/webhooks/**")
			.hasRole("OWNER")
			.requestMatchers("/staff/catalog/**", "/staff/schedules/**", "/staff/schedules")
			.hasAnyRole("MANAGER", "OWNER")
			.requestMatchers("/staff/**")
			.authenticated()
			.anyRequest()
			.permitAll())
			.formLogin(form -> form.loginPage("/staff/sign-in")
				.usernameParameter("email")
				.defaultSuccessUrl("/staff", false)
				.failureHandler(new SignInFailureHandler()))
			.logout(logout -> logout.logoutUrl("/staff/sign-out").logoutSuccessUrl("/staff/signed-out"))
			.sessionManagement(session -> session.invalidSessionStrategy(new SessionEnded()))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
		RSAKey key = SigningKey.loadOrCreate(properties.signingKeyFile());
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> keys) {
		return new NimbusJwtEncoder(keys);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	/**
	 * No OAuth client is registered yet: staff get tokens through their session (relayed
	 * by the pages, or from /staff/api-token). Clients such as a command line with the
	 * device flow, or integrations, are registered here when they come.
	 */
	@Bean
	RegisteredClientRepository registeredClients() {
		return new RegisteredClientRepository() {

			@Override
			public void save(RegisteredClient registeredClient) {
				throw new UnsupportedOperationException("Clients are registered in code");
			}

			@Override
			public @Nullable RegisteredClient findById(String id) {
				return null;
			}

			@Override
			public @Nullable RegisteredClient findByClientId(String clientId) {
				return null;
			}

		};
	}

}
