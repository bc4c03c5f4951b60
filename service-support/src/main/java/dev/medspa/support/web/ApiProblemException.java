package dev.medspa.support.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on, turned into a problem detail with its status, type
 * and, where one field is to blame, that field. Throw it from anywhere below a
 * controller.
 */
public class ApiProblemException extends RuntimeException {

	private final HttpStatus status;

	private final URI type;

	private final String title;

	private final List<FieldProblem> errors;

	public ApiProblemException(HttpStatus status, URI type, String title, String detail, List<FieldProblem> errors) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public static ApiProblemException notFound(String what, String detail) {
		return new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, what + " not found", detail,
				List.of());
	}

	/**
	 * The request is well formed but names something that does not exist or cannot be
	 * used.
	 */
	public static ApiProblemException unprocessable(URI type, String title, String field, String reason) {
		return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, title, reason,
				List.of(new FieldProblem(field, reason)));
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

}
