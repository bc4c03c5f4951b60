package dev.medspa.gateway.audit;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.medspa.support.audit.AuditTrail;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What staff do at the gateway itself, in its audit log: sign-ins that succeed or fail
 * (the typed e-mail, never the password) and changes to staff accounts.
 */
@Component
public class GatewayAudit {

	private final AuditTrail trail;

	private final Clock clock;

	GatewayAudit(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	/** A member's action on a page, with its outcome. */
	public void record(Authentication member, String action, String target, int status, @Nullable String reason) {
		this.trail.record(this.clock.instant(), member.getName(), roles(member), action, target, status, address(),
				reason);
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken member) {
			record(member, "sign-in", "/staff/sign-in", 200, null);
		}
	}

	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		String typed = String.valueOf(event.getAuthentication().getName());
		this.trail.record(this.clock.instant(), typed.length() > 254 ? typed.substring(0, 254) : typed, List.of(),
				"sign-in", "/staff/sign-in", 401, address(), event.getException().getClass().getSimpleName());
	}

	private static List<String> roles(Authentication member) {
		return member.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5))
			.sorted()
			.toList();
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "unknown";
	}

}
