package dev.medspa.support.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a controller adds to the audit entry of the request it serves, such as a reason
 * given in the body.
 */
public final class Audit {

	public static final String REASON = Audit.class.getName() + ".reason";

	private Audit() {
	}

	/** Records why, for the current staff request's entry. */
	public static void because(String reason) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(REASON, reason, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
