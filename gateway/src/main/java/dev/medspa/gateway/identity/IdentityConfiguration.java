package dev.medspa.gateway.identity;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.medspa.support.security.StaffClaims;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Staff identity with Spring Security's authorization server, in the gateway because the
 * gateway is where staff sign in: one process holds the session, the sign-in page and the
 * key, and nothing else needs to reach the key. The authorization server publishes the
 * public key (JWKS) and its metadata, and runs the device authorization flow for
 * command-line use; the pages relay tokens from {@link AccessTokens}, signed with the
 * same key.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	/** The public client a staff member uses from a terminal (device authorization). */
	static final String CLI_CLIENT = "medspa-cli";

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
	 * token itself.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiRouteSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
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
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/staff/sign-in", "/staff/signed-out", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
					"/error", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/staff/admin/**")
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
			.sessionManagement(session -> session.invalidSessionUrl("/staff/sign-in?expired"))
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

	@Bean
	RegisteredClientRepository registeredClients(IdentityProperties properties) {
		RegisteredClient cli = RegisteredClient.withId(UUID.nameUUIDFromBytes(CLI_CLIENT.getBytes()).toString())
			.clientId(CLI_CLIENT)
			.clientName("Staff command line")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
			.scope("staff")
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(Duration.ofMinutes(30))
				.deviceCodeTimeToLive(Duration.ofMinutes(10))
				.build())
			.build();
		return new InMemoryRegisteredClientRepository(cli);
	}

	/**
	 * Tokens the authorization server issues carry what the services decide from: the
	 * audience, the member's roles and locations.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> staffClaims(StaffAccounts accounts) {
		return context -> accounts.byEmail(context.getPrincipal().getName())
			.ifPresent(account -> context.getClaims()
				.audience(List.of(StaffClaims.AUDIENCE))
				.claim(StaffClaims.NAME, account.displayName())
				.claim(StaffClaims.ROLES, StaffClaims.roleNames(account.roles()))
				.claim(StaffClaims.LOCATIONS, account.locations().stream().sorted().toList()));
	}

	static List<String> authorities(java.util.Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).toList();
	}

}
