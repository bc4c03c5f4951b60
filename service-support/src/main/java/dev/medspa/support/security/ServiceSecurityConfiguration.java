package dev.medspa.support.security;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security every service starts from: stateless, deny by default, the service's
 * {@link PublicRoutes} open, health and API documentation open, and {@code /api/staff/**}
 * for holders of a valid staff access token. Tokens are checked here, not trusted from
 * the gateway: signature (RS256) against the identity provider's JWKS, issuer, audience,
 * and an expiry that must be present and in the future. Roles become {@code ROLE_}
 * authorities; see {@link StaffClaims}.
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityConfiguration {

	private static final String[] ALWAYS_OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectProvider<PublicRoutes> publicRoutes,
			ObjectProvider<OwnerRoutes> ownerRoutes, ObjectProvider<ManagerRoutes> managerRoutes) throws Exception {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers();
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers(HttpMethod.GET, ALWAYS_OPEN).permitAll();
				requests.requestMatchers("/error").permitAll();
				// the audit log and clients' data (export, erasure) are for owners only,
				// in
				// every service
				requests.requestMatchers(HttpMethod.GET, "/api/staff/audit").hasRole(StaffRole.OWNER.name());
				requests.requestMatchers("/api/staff/clients/**").hasRole(StaffRole.OWNER.name());
				publicRoutes.orderedStream()
					.flatMap(routes -> routes.routes().stream())
					.forEach(route -> requests.requestMatchers(route.method(), route.pattern()).permitAll());
				ownerRoutes.orderedStream()
					.flatMap(routes -> routes.routes().stream())
					.forEach(route -> requests.requestMatchers(route.method(), route.pattern())
						.hasRole(StaffRole.OWNER.name()));
				managerRoutes.orderedStream()
					.flatMap(routes -> routes.ofTheirLocation().stream())
					.forEach(route -> requests.requestMatchers(route.method(), route.pattern())
						.access((authentication, context) -> new AuthorizationDecision(
								managesLocation(authentication.get(), context.getVariables().get("location")))));
				managerRoutes.orderedStream()
					.flatMap(routes -> routes.routes().stream())
					.forEach(route -> requests.requestMatchers(route.method(), route.pattern())
						.hasAnyRole(StaffRole.MANAGER.name(), StaffRole.OWNER.name()));
				requests.requestMatchers("/api/staff/**").authenticated();
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer(
					resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(staffAuthentication()))
						.authenticationEntryPoint(handlers)
						.accessDeniedHandler(handlers))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
		return http.build();
	}

	/** An owner, or a manager whose token lists the location. */
	private static boolean managesLocation(@Nullable Authentication authentication, @Nullable String location) {
		if (authentication == null || !authentication.isAuthenticated() || location == null) {
			return false;
		}
		return StaffClaims.hasRole(authentication, StaffRole.OWNER)
				|| (StaffClaims.hasRole(authentication, StaffRole.MANAGER)
						&& StaffClaims.worksAt(authentication, location));
	}

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder staffTokenDecoder(SecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.validateType(false)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience()),
				new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull)));
		return decoder;
	}

	static JwtAuthenticationConverter staffAuthentication() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(StaffClaims.ROLES);
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
	}

}
