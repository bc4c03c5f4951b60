package dev.medspa.gateway.services;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A service refused a call with a problem detail (RFC 9457): its status, the last segment
 * of its {@code type} (such as {@code slot-taken}), its detail and the fields it named.
 */
public class ServiceProblem extends RuntimeException {

	private final int status;

	private final String code;

	private final Map<String, String> fieldErrors;

	private final Map<String, Object> properties;

	public ServiceProblem(int status, String code, @Nullable String detail, Map<String, String> fieldErrors) {
		this(status, code, detail, fieldErrors, Map.of());
	}

	/**
	 * @param properties the problem's other members, such as the bookings a change would
	 * affect
	 */
	public ServiceProblem(int status, String code, @Nullable String detail, Map<String, String> fieldErrors,
			Map<String, Object> properties) {
		super(detail == null ? code : detail);
		this.status = status;
		this.code = code;
		this.fieldErrors = Map.copyOf(fieldErrors);
		this.properties = Map.copyOf(properties);
	}

	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String detail() {
		return String.valueOf(getMessage());
	}

	/**
	 * The reason for each field the service named, by field path such as
	 * {@code client.email}.
	 */
	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

	/** A member of the problem beyond type, title, detail and errors, as JSON read it. */
	public @Nullable Object property(String name) {
		return this.properties.get(name);
	}

	public boolean is(String code) {
		return this.code.equals(code);
	}

}
