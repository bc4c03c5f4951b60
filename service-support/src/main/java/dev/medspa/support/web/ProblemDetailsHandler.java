package dev.medspa.support.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.medspa.support.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error a request can meet into an RFC 9457 problem detail. Validation errors
 * list each field with its reason under {@code errors}; nothing ever carries a stack
 * trace or an exception message of the framework.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refusal(Refusal ex) {
		ProblemDetail body = problemOf(ex);
		Object retryAfter = ex.properties().get(Refusal.RETRY_AFTER_SECONDS);
		if (retryAfter != null) {
			return ResponseEntity.status(body.getStatus())
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter))
				.body(body);
		}
		return ResponseEntity.status(body.getStatus()).body(body);
	}

	/**
	 * The problem detail a refusal answers with: its code as the type, the field it
	 * blames under {@code errors}, and what else it carries as members. The API documents
	 * show their examples in this shape too.
	 */
	static ProblemDetail problemOf(Refusal ex) {
		HttpStatus status = switch (ex.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
			case CONFLICT -> HttpStatus.CONFLICT;
			case STALE -> HttpStatus.PRECONDITION_FAILED;
			case VERSION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
			case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		String detail = String.valueOf(ex.getMessage());
		List<FieldProblem> errors = ex.field() == null ? List.of() : List.of(new FieldProblem(ex.field(), detail));
		ProblemDetail body = detail(status, ProblemTypes.of(ex.code()), ex.title(), detail, errors);
		ex.properties().forEach(body::setProperty);
		return body;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = ex.getRequiredType() == null ? "another form" : describe(ex.getRequiredType());
		return invalid(List.of(new FieldProblem(ex.getName(), "must be " + expected)));
	}

	/**
	 * Constraints checked on a method's parameters by a {@code @Validated} proxy rather
	 * than by MVC itself: still the client's input, so 400 naming each parameter.
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<FieldProblem> errors = new ArrayList<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String field = "parameter";
			for (Path.Node node : violation.getPropertyPath()) {
				if (node.getName() != null) {
					field = node.getName();
				}
			}
			errors.add(new FieldProblem(field, violation.getMessage()));
		}
		return invalid(errors);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		ResponseEntity<ProblemDetail> tooLarge = tooLarge(ex);
		if (tooLarge != null) {
			// a body streamed past the limit while a handler passed it on (the gateway's
			// proxy): the client sent too much, nothing went wrong here
			return tooLarge;
		}
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
				"Something went wrong on our side; nothing was changed by this request.", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors
				.add(new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
		return widen(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.add(new FieldProblem(name == null ? "parameter" : name,
						String.valueOf(error.getDefaultMessage()))));
		});
		return widen(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return widen(invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ResponseEntity<ProblemDetail> tooLarge = tooLarge(ex);
		return widen(tooLarge != null ? tooLarge : unreadable(jacksonCause(ex)));
	}

	/** 413 if the body was cut off at the size limit somewhere below this failure. */
	private @org.jspecify.annotations.Nullable ResponseEntity<ProblemDetail> tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodySizeLimit.TooLarge) {
				return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.of("content-too-large"), "Content too large",
						String.valueOf(cause.getMessage()), List.of());
			}
		}
		return null;
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return widen(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
				"There is nothing at " + ex.getResourcePath(), List.of()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED,
				"Method not allowed", ex.getMethod() + " is not supported here; use " + ex.getSupportedHttpMethods(),
				List.of());
		return ResponseEntity.status(response.getStatusCode()).headers(headers).body((Object) response.getBody());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return widen(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
				"Unsupported media type", "Send the body as application/json", List.of()));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's own problem bodies for the remaining MVC exceptions: keep them, but
		// add our type where missing.
		if (body instanceof ProblemDetail detail && detail.getType().equals(URI.create("about:blank"))) {
			detail.setType(ProblemTypes.of(slug(statusCode)));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/**
	 * The outermost Jackson exception, which knows the field; its own cause may be a bare
	 * parse error.
	 */
	private static Throwable jacksonCause(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException) {
				return cause;
			}
		}
		return ex.getMostSpecificCause();
	}

	private static ResponseEntity<ProblemDetail> unreadable(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return invalid(List.of(new FieldProblem(path(unknown), "is not a known field")));
		}
		if (cause instanceof InvalidNullException nullValue) {
			return invalid(List.of(new FieldProblem(path(nullValue), "must not be null")));
		}
		if (cause instanceof InvalidFormatException format) {
			return invalid(List.of(new FieldProblem(path(format), "must be " + describe(format.getTargetType()))));
		}
		if (cause instanceof ValueInstantiationException instantiation) {
			String reason = instantiation.getCause() != null && instantiation.getCause().getMessage() != null
					? instantiation.getCause().getMessage() : "has an invalid value";
			return invalid(List.of(new FieldProblem(path(instantiation), reason)));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return invalid(List.of(new FieldProblem(path(mismatch), "must be "
					+ describe(mismatch.getTargetType() == null ? Object.class : mismatch.getTargetType()))));
		}
		if (cause instanceof StreamReadException || cause instanceof JacksonException) {
			return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed body",
					"The request body is not valid JSON", List.of());
		}
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed body",
				"The request body is missing or cannot be read as JSON", List.of());
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String describe(Class<?> type) {
		return switch (type.getSimpleName()) {
			case "OffsetDateTime", "ZonedDateTime" -> "a date-time with an offset, such as 2026-12-01T10:00:00-08:00";
			case "Instant" -> "an instant, such as 2026-12-01T18:00:00Z";
			case "LocalDate" -> "a date, such as 2026-12-01";
			case "LocalTime" -> "a time of day, such as 09:30";
			case "Duration" -> "a duration, such as PT1H30M";
			case "Integer", "int", "Long", "long" -> "a whole number";
			case "BigDecimal", "Double", "double" -> "a number";
			case "Boolean", "boolean" -> "true or false";
			case "String" -> "a string";
			default -> type.isEnum() ? "one of " + java.util.Arrays.stream(type.getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", ")) : "a valid " + type.getSimpleName();
		};
	}

	private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> errors) {
		ProblemDetail body = invalidRequest(errors);
		return ResponseEntity.status(body.getStatus()).body(body);
	}

	/**
	 * 400 for invalid input: each field with its reason, sorted, and all of them in the
	 * detail.
	 */
	static ProblemDetail invalidRequest(List<FieldProblem> errors) {
		List<FieldProblem> sorted = errors.stream()
			.sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason))
			.toList();
		String detail = sorted.stream()
			.map(error -> error.field() + " " + error.reason())
			.collect(Collectors.joining("; "));
		return detail(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", detail, sorted);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail,
			List<FieldProblem> errors) {
		return ResponseEntity.status(status).body(detail(status, type, title, detail, errors));
	}

	private static ProblemDetail detail(HttpStatus status, URI type, String title, String detail,
			List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	private static String slug(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known == null ? String.valueOf(status.value())
				: known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
		return ResponseEntity.status(response.getStatusCode()).body(response.getBody());
	}

}
