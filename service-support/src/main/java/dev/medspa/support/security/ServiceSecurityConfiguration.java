package dev.medspa.support.security;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * for holders of a valid staff access token, as {@link RouteAccess} lists them. Tokens
 * are checked here, not trusted from the gateway: signature (RS256) against the identity
 * provider's JWKS, issuer, audience, and an expiry that must be present and in the
 * future. Roles become {@code ROLE_} authorities; see {@link StaffClaims}.
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityConfiguration {

	/**
	 * The service's own chain and the rules it enforces, unless the application brings a
	 * chain of its own (the gateway does).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	static class ServiceChain {

		@Bean
		RouteAccess routeAccess(ObjectProvider<PublicRoutes> publicRoutes, ObjectProvider<OwnerRoutes> ownerRoutes,
				ObjectProvider<ManagerRoutes> managerRoutes, ObjectProvider<ClinicalRoutes> clinicalRoutes) {
			return RouteAccess.of(publicRoutes.orderedStream().toList(), ownerRoutes.orderedStream().toList(),
					managerRoutes.orderedStream().toList(), clinicalRoutes.orderedStream().toList());
		}

		@Bean
		SecurityFilterChain serviceSecurity(HttpSecurity http, RouteAccess access) throws Exception {
			ProblemSecurityHandlers handlers = new ProblemSecurityHandlers();
			http.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.authorizeHttpRequests(requests -> {
					for (RouteAccess.Rule rule : access.rules()) {
						var route = (rule.method() != null) ? requests.requestMatchers(rule.method(), rule.pattern())
								: requests.requestMatchers(rule.pattern());
						switch (rule.audience()) {
							case ANYONE -> route.permitAll();
							case STAFF -> route.authenticated();
							case MANAGERS -> route.hasAnyRole(StaffRole.MANAGER.name(), StaffRole.OWNER.name());
							case MANAGERS_OF_LOCATION ->
								route.access((authentication, context) -> new AuthorizationDecision(
										managesLocation(authentication.get(), context.getVariables().get("location"))));
							case CLINICIANS_OF_LOCATION ->
								route.access((authentication, context) -> new AuthorizationDecision(
										treatsAt(authentication.get(), context.getVariables().get("location"))));
							case OWNERS -> route.hasRole(StaffRole.OWNER.name());
							case NOBODY -> route.denyAll();
						}
					}
					requests.anyRequest().denyAll();
				})
				.oauth2ResourceServer(resourceServer -> resourceServer
					.jwt(jwt -> jwt.jwtAuthenticationConverter(staffAuthentication()))
					.authenticationEntryPoint(handlers)
					.accessDeniedHandler(handlers))
				.exceptionHandling(
						exceptions -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
			return http.build();
		}

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

	/**
	 * A practitioner or a manager whose token lists the location; an owner's role alone
	 * does not count.
	 */
	private static boolean treatsAt(@Nullable Authentication authentication, @Nullable String location) {
		if (authentication == null || !authentication.isAuthenticated() || location == null) {
			return false;
		}
		return (StaffClaims.hasRole(authentication, StaffRole.PRACTITIONER)
				|| StaffClaims.hasRole(authentication, StaffRole.MANAGER))
				&& StaffClaims.locations(authentication).contains(location);
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
