package dev.medspa.support.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security every service starts from: stateless, deny by default, the service's
 * {@link PublicRoutes} open, health and API documentation open, and {@code /api/staff/**}
 * for holders of a valid staff JWT.
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityConfiguration {

	private static final String[] ALWAYS_OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectProvider<PublicRoutes> publicRoutes) throws Exception {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers();
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers(HttpMethod.GET, ALWAYS_OPEN).permitAll();
				requests.requestMatchers("/error").permitAll();
				publicRoutes.orderedStream()
					.flatMap(routes -> routes.routes().stream())
					.forEach(route -> requests.requestMatchers(route.method(), route.pattern()).permitAll());
				requests.requestMatchers("/api/staff/**").authenticated();
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
		return http.build();
	}

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder staffTokenDecoder(SecurityProperties properties) {
		SecretKey key = new SecretKeySpec(properties.staffTokenSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
	}

}
