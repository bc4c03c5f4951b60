package dev.medspa.gateway.identity;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session carries the roles a member had when signing in; an owner may change them, or
 * disable the account, since. Before each staff page the account is read again (one
 * lookup by id): when it is gone, disabled or locked, or its roles differ, the session
 * ends and the member signs in anew, so no page runs on access that was taken away.
 */
final class CurrentAccountFilter extends OncePerRequestFilter {

	private final StaffAccounts accounts;

	private final java.time.Clock clock;

	CurrentAccountFilter(StaffAccounts accounts, java.time.Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/staff") || path.equals("/staff/sign-in") || path.equals("/staff/signed-out");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || signedIn instanceof AnonymousAuthenticationToken || !signedIn.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<StaffAccount> account = this.accounts.byEmail(signedIn.getName());
		// roles only: Spring Security adds authorities of its own, such as the factor
		// used
		Set<String> granted = signedIn.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.collect(Collectors.toSet());
		boolean current = account.filter(StaffAccount::enabled)
			.filter(member -> !member.lockedAt(this.clock.instant()))
			.map(member -> member.roles().stream().map(role -> role.authority()).collect(Collectors.toSet()))
			.filter(granted::equals)
			.isPresent();
		if (current) {
			chain.doFilter(request, response);
			return;
		}
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		// a fresh session, so the sign-in page is not taken for an ended one
		request.getSession(true);
		response.sendRedirect(request.getContextPath() + "/staff/sign-in?changed");
	}

}
