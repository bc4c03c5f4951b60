package dev.medspa.support.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.medspa.support.Refusal;
import dev.medspa.support.security.RouteAccess;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Documents, on every operation, the problem details it can answer with, each with an
 * example in the shape {@link ProblemDetailsHandler} writes: 400 for invalid input
 * everywhere, 401 where a staff token is needed and 403 where the token's roles decide
 * (both from the same {@link RouteAccess} the security chain enforces), 404 where a path
 * names a resource, 409 where staff change things, 412 and 428 where an operation takes
 * the version read in If-Match, and 422 where a request names something that cannot be
 * used.
 */
public class ProblemResponsesCustomizer implements OpenApiCustomizer {

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String PROBLEM = "Problem";

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

	private final RouteAccess access;

	public ProblemResponsesCustomizer(RouteAccess access) {
		this.access = access;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.schema(PROBLEM, problemSchema());
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			RouteAccess.Audience audience = this.access.audienceOf(HttpMethod.valueOf(method.name()), path);
			Map<HttpStatus, String> problems = new LinkedHashMap<>();
			problems.put(HttpStatus.BAD_REQUEST, "Invalid request: each invalid field is named with its reason");
			if (audience.needsToken()) {
				problems.put(HttpStatus.UNAUTHORIZED, "No valid staff token");
			}
			if (audience.restricted()) {
				problems.put(HttpStatus.FORBIDDEN, (audience == RouteAccess.Audience.MANAGERS_OF_LOCATION)
						? "The token's roles do not allow this here: not an owner, nor a manager of this location"
						: (audience == RouteAccess.Audience.CLINICIANS_OF_LOCATION)
								? "Health answers: only practitioners and managers of this location may read them"
								: "The token's roles do not allow this route");
			}
			boolean variables = path.contains("{");
			if (variables) {
				problems.put(HttpStatus.NOT_FOUND, "No such resource");
			}
			boolean change = method != PathItem.HttpMethod.GET;
			if (change) {
				problems.put(HttpStatus.UNPROCESSABLE_CONTENT,
						"The request names something that does not exist or cannot be used");
			}
			if (audience.needsToken() && change) {
				problems.put(HttpStatus.CONFLICT, "Conflicts with another entry, e.g. a slug already in use");
			}
			if (takesIfMatch(operation)) {
				problems.put(HttpStatus.PRECONDITION_FAILED, "Stale version: someone changed it since you read it");
				problems.put(HttpStatus.PRECONDITION_REQUIRED, "If-Match with the version read is required");
			}
			URI instance = URI.create(concrete(path));
			String resource = resource(path);
			problems.forEach(
					(status, description) -> add(operation, status, description, example(status, instance, resource)));
		}));
	}

	private static void add(Operation operation, HttpStatus status, String description, Map<String, Object> example) {
		if (operation.getResponses() == null) {
			operation.responses(new ApiResponses());
		}
		String code = String.valueOf(status.value());
		if (!operation.getResponses().containsKey(code)) {
			operation.getResponses()
				.addApiResponse(code,
						new ApiResponse().description(description)
							.content(new Content().addMediaType(PROBLEM_JSON,
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
										.example(example))));
		}
	}

	/**
	 * A body this service really answers with for the status, built the way it builds
	 * them, as a client would receive it for a request to {@code instance}.
	 */
	static Map<String, Object> example(HttpStatus status, URI instance, String resource) {
		ProblemDetail problem = switch (status) {
			case BAD_REQUEST -> ProblemDetailsHandler.invalidRequest(List
				.of(new FieldProblem("client.email", "must be an e-mail address such as " + "ana@example.com")));
			// as the security chain writes them (ProblemSecurityHandlers)
			case UNAUTHORIZED -> security(status, ProblemTypes.UNAUTHORIZED, "Unauthorized",
					"This route needs a valid staff token (Authorization: Bearer ...)");
			case FORBIDDEN ->
				security(status, ProblemTypes.FORBIDDEN, "Forbidden", "This route is not open to this caller");
			case NOT_FOUND -> ProblemDetailsHandler.problemOf(new Refusal(Refusal.Kind.NOT_FOUND, "not-found",
					"Not found", "Nothing here has the id or key the path names", null));
			case UNPROCESSABLE_CONTENT -> ProblemDetailsHandler.problemOf(Refusal.unprocessable("unknown-treatment",
					"Unknown treatment", "treatmentId", "No treatment has the id hydra-glow"));
			case CONFLICT -> ProblemDetailsHandler.problemOf(Refusal.conflict("already-exists", "Already exists",
					"slug", "Another entry already uses this slug"));
			case PRECONDITION_FAILED -> ProblemDetailsHandler.problemOf(Refusal.stale(resource, 4));
			case PRECONDITION_REQUIRED -> ProblemDetailsHandler.problemOf(Refusal.versionRequired());
			default -> ProblemDetail.forStatus(status);
		};
		problem.setInstance(instance);
		return asMap(problem);
	}

	/**
	 * Whether the operation reads a version from If-Match: then 412 and 428 can answer.
	 */
	private static boolean takesIfMatch(Operation operation) {
		return operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch(parameter -> "header".equals(parameter.getIn())
					&& HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName()));
	}

	private static ProblemDetail security(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	/** The members of a problem detail as its JSON has them, in the RFC's order. */
	private static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", problem.getType().toString());
		if (problem.getTitle() != null) {
			members.put("title", problem.getTitle());
		}
		members.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			members.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			members.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			problem.getProperties().forEach((name, value) -> members.put(name, plain(value)));
		}
		return members;
	}

	/** Field problems as plain maps, which any JSON writer renders the same. */
	private static Object plain(Object value) {
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>();
			list.forEach(item -> items.add(plain(item)));
			return items;
		}
		if (value instanceof FieldProblem problem) {
			Map<String, Object> members = new LinkedHashMap<>();
			members.put("field", problem.field());
			members.put("reason", problem.reason());
			return members;
		}
		return value;
	}

	/** The documented path with each variable filled with a plausible value. */
	static String concrete(String path) {
		Matcher variable = VARIABLE.matcher(path);
		StringBuilder concrete = new StringBuilder();
		while (variable.find()) {
			String collection = lastSegment(path.substring(0, variable.start()));
			variable.appendReplacement(concrete, Matcher.quoteReplacement(sample(variable.group(1), collection)));
		}
		variable.appendTail(concrete);
		return concrete.toString();
	}

	/**
	 * What the path's first variable names, in words: {@code Location walnut-creek} for
	 * {@code /api/staff/locations/{id}}.
	 */
	static String resource(String path) {
		Matcher variable = VARIABLE.matcher(path);
		if (!variable.find()) {
			return "It";
		}
		String collection = lastSegment(path.substring(0, variable.start()));
		String noun = collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
		noun = noun.replace('-', ' ');
		String name = noun.isEmpty() ? "It" : Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
		return name + " " + sample(variable.group(1), collection);
	}

	private static String lastSegment(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

	private static String sample(String variable, String collection) {
		String name = variable.toLowerCase(Locale.ROOT);
		if (name.contains("location") || (name.equals("id") && collection.equals("locations"))) {
			return "walnut-creek";
		}
		if (name.contains("treatment") || name.equals("slug")
				|| (name.equals("id") && collection.equals("treatments"))) {
			return "lash-lift";
		}
		if (name.contains("practitioner") || (name.equals("id") && collection.equals("practitioners"))) {
			return "ana-reyes";
		}
		if (name.contains("date")) {
			return "2026-12-01";
		}
		if (name.contains("token")) {
			return "k7Qf2xLm9ZpR";
		}
		if (name.equals("partition") || name.equals("offset")) {
			return "0";
		}
		if (name.contains("topic")) {
			return "medspa.booking-events.DLT";
		}
		return "6f1c2a9e";
	}

	private static Schema<?> problemSchema() {
		ObjectSchema fieldProblem = new ObjectSchema();
		fieldProblem.addProperty("field", new StringSchema().description("the field to blame, e.g. client.email"));
		fieldProblem.addProperty("reason", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.description("An RFC 9457 problem detail");
		problem.addProperty("type", new StringSchema().description("stable identifier of the kind of problem"));
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema());
		problem.addProperty("errors", new ArraySchema().items(fieldProblem));
		return problem;
	}

}
