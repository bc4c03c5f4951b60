package dev.medspa.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request the domain refuses, with what a client needs to act on it: a kind (not found,
 * cannot be processed, conflicts with the current state), a stable code that becomes the
 * problem type, and the field to blame where there is one. The web layer turns it into an
 * RFC 9457 problem detail; the domain knows nothing of HTTP.
 */
public class Refusal extends RuntimeException {

	/**
	 * What kind of refusal, which the web layer maps to 400, 404, 403, 422, 409, 412, 428
	 * 429 and 503.
	 */
	public enum Kind {

		INVALID, NOT_FOUND, FORBIDDEN, UNPROCESSABLE, CONFLICT, STALE, VERSION_REQUIRED, TOO_MANY, UNAVAILABLE

	}

	private final Kind kind;

	private final String code;

	private final String title;

	private final @Nullable String field;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public Refusal(Kind kind, String code, String title, String detail, @Nullable String field) {
		super(detail);
		this.kind = kind;
		this.code = code;
		this.title = title;
		this.field = field;
	}

	public static Refusal notFound(String what, String detail) {
		return new Refusal(Kind.NOT_FOUND, "not-found", what + " not found", detail, null);
	}

	/**
	 * The request is well formed, but what it names does not exist or cannot be used for
	 * it.
	 */
	/**
	 * The caller is who they say, but may not do this, for example at another location.
	 */
	public static Refusal forbidden(String detail) {
		return new Refusal(Kind.FORBIDDEN, "forbidden", "Forbidden", detail, null);
	}

	public static Refusal unprocessable(String code, String title, String field, String detail) {
		return new Refusal(Kind.UNPROCESSABLE, code, title, detail, field);
	}

	public static Refusal conflict(String code, String title, @Nullable String field, String detail) {
		return new Refusal(Kind.CONFLICT, code, title, detail, field);
	}

	/**
	 * A field breaks a rule that bean validation cannot express, such as one field
	 * compared with another.
	 */
	public static Refusal invalid(String field, String reason) {
		return new Refusal(Kind.INVALID, "invalid-request", "Invalid request", reason, field);
	}

	/**
	 * The caller did something too often; the answer says when to try again (a
	 * {@code Retry-After} header and {@code retryAfterSeconds}).
	 */
	public static Refusal tooMany(String detail, java.time.Duration retryAfter) {
		return new Refusal(Kind.TOO_MANY, "too-many-requests", "Too many requests", detail, null)
			.with(RETRY_AFTER_SECONDS, Math.max(1, retryAfter.toSeconds()));
	}

	/**
	 * Something the request needs (a mail server, a broker) cannot be reached now;
	 * nothing was done and the same request may be sent again later.
	 */
	public static Refusal unavailable(String code, String detail) {
		return new Refusal(Kind.UNAVAILABLE, code, "Unavailable for now", detail, null);
	}

	/** The member of a too-many refusal that says how long to wait. */
	public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

	/** The client edited a version that is no longer the current one. */
	public static Refusal stale(String what, long current) {
		return new Refusal(Kind.STALE, "stale-version", "Stale version",
				what + " has changed since you read it; it is now at version " + current
						+ ". Read it again and repeat your change.",
				null);
	}

	/** A change was sent without saying which version it changes. */
	public static Refusal versionRequired() {
		return new Refusal(Kind.VERSION_REQUIRED, "version-required", "Version required",
				"Send the ETag of the version you are changing in an If-Match header", null);
	}

	/**
	 * Adds what a client can act on beyond the message, such as the starts it could take
	 * instead; it becomes a member of the problem detail.
	 * @param value anything that serialises to JSON
	 */
	public Refusal with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

	public Kind kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

	public String title() {
		return this.title;
	}

	public @Nullable String field() {
		return this.field;
	}

}
