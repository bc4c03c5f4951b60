package dev.medspa.support.audit.web;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.medspa.support.audit.Audit;
import dev.medspa.support.audit.AuditTrail;
import dev.medspa.support.web.ClientAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every staff request that changes something (any method but GET, HEAD and
 * OPTIONS under {@code /api/staff/}), refused or not, once it has been answered: so a new
 * staff endpoint is audited without anyone remembering to.
 */
public class AuditInterceptor implements HandlerInterceptor {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private final AuditTrail trail;

	private final Clock clock;

	public AuditInterceptor(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/staff/")) {
			return;
		}
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || !caller.isAuthenticated()) {
			return;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		List<String> roles = caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5))
			.sorted()
			.toList();
		// a creation names what it made in its Location: that is the entity acted on
		String created = response.getStatus() == 201 ? response.getHeader("Location") : null;
		this.trail.record(this.clock.instant(), caller.getName(), roles,
				request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI()),
				created != null ? created : request.getRequestURI(), response.getStatus(), ClientAddress.of(request),
				reason(request));
	}

	private static @Nullable String reason(HttpServletRequest request) {
		Object given = request.getAttribute(Audit.REASON);
		if (given != null) {
			return given.toString();
		}
		return request.getParameter("overrideReason");
	}

}
