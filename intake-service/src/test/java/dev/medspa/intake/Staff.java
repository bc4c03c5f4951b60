package dev.medspa.intake;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** Staff tokens as the identity provider issues them, for MockMvc requests. */
final class Staff {

	private Staff() {
	}

	static JwtRequestPostProcessor owner() {
		return jwt().jwt(token -> token.subject("owner@clinic.example").claim("roles", List.of("OWNER")))
			.authorities(new SimpleGrantedAuthority("ROLE_OWNER"));
	}

	static JwtRequestPostProcessor at(String role, String location) {
		return jwt()
			.jwt(token -> token.subject(role.toLowerCase(java.util.Locale.ROOT) + "@clinic.example")
				.claim("roles", List.of(role))
				.claim("name", "Sofia Reyes")
				.claim("locations", List.of(location)))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
