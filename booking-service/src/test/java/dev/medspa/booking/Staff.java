package dev.medspa.booking;

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

	static JwtRequestPostProcessor managerAt(String location) {
		return jwt()
			.jwt(token -> token.subject("manager@clinic.example")
				.claim("roles", List.of("MANAGER"))
				.claim("locations", List.of(location)))
			.authorities(new SimpleGrantedAuthority("ROLE_MANAGER"));
	}

	static JwtRequestPostProcessor frontDeskAt(String location) {
		return jwt()
			.jwt(token -> token.subject("desk@clinic.example")
				.claim("roles", List.of("FRONT_DESK"))
				.claim("locations", List.of(location)))
			.authorities(new SimpleGrantedAuthority("ROLE_FRONT_DESK"));
	}

}
