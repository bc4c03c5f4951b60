package dev.medspa.gateway.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the form with the reason a member can act on: a wrong
 * e-mail or password (never which of the two), a locked or a disabled account.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = exception instanceof LockedException ? "locked"
				: exception instanceof DisabledException ? "disabled" : "wrong";
		response.sendRedirect(request.getContextPath() + "/staff/sign-in?error=" + reason);
	}

}
