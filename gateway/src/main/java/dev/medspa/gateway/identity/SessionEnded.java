package dev.medspa.gateway.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.session.InvalidSessionStrategy;

/**
 * A request that comes with a session the gateway no longer knows (timed out, or the
 * gateway restarted): staff are asked to sign in again, clients are told their page was
 * open too long and start their choice again; both get a fresh session, so the next page
 * works.
 */
final class SessionEnded implements InvalidSessionStrategy {

	@Override
	public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
		request.getSession();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String target = path.startsWith("/staff") ? "/staff/sign-in?expired" : "/session-ended";
		response.sendRedirect(request.getContextPath() + target);
	}

}
