package dev.medspa.support.web;

import java.net.URI;

/**
 * The problem types every service can answer with. Each is a stable identifier clients
 * may switch on.
 */
public final class ProblemTypes {

	public static final String BASE = "https://medspa.dev/problems/";

	public static final URI INVALID_REQUEST = of("invalid-request");

	public static final URI MALFORMED_BODY = of("malformed-body");

	public static final URI NOT_FOUND = of("not-found");

	public static final URI UNAUTHORIZED = of("unauthorized");

	public static final URI FORBIDDEN = of("forbidden");

	public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	public static final URI INTERNAL_ERROR = of("internal-error");

	private ProblemTypes() {
	}

	/** A problem type under the platform's base, for errors of one service's own. */
	public static URI of(String name) {
		return URI.create(BASE + name);
	}

}
