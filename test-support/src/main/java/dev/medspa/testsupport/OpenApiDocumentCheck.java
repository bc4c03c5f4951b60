package dev.medspa.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.jspecify.annotations.Nullable;

/**
 * Reads a served OpenAPI document the way an integrator's tooling would and lists what
 * keeps them from trusting it: whatever the parser reports, and every operation without a
 * summary, without a description, without a {@code security} declaration (an explicit
 * empty list, for a public route, is one), naming a security scheme the document does not
 * define, or without a 4xx answer of {@code application/problem+json}.
 */
public final class OpenApiDocumentCheck {

	static final String PROBLEM_JSON = "application/problem+json";

	private final @Nullable OpenAPI document;

	private final List<String> violations;

	private OpenApiDocumentCheck(@Nullable OpenAPI document, List<String> violations) {
		this.document = document;
		this.violations = List.copyOf(violations);
	}

	/** Parses a document (JSON or YAML) and checks it. */
	public static OpenApiDocumentCheck of(String json) {
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
		List<String> violations = new ArrayList<>();
		if (result.getMessages() != null) {
			result.getMessages().forEach(message -> violations.add("parser: " + message));
		}
		OpenAPI document = result.getOpenAPI();
		if (document == null) {
			violations.add("not an OpenAPI document");
		}
		else {
			violations.addAll(operationViolations(document));
		}
		return new OpenApiDocumentCheck(document, violations);
	}

	/** What is wrong, one line each; empty when nothing is. */
	public List<String> violations() {
		return this.violations;
	}

	/** The document as parsed, for assertions on particular operations. */
	public OpenAPI document() {
		if (this.document == null) {
			throw new IllegalStateException("Not an OpenAPI document: " + this.violations);
		}
		return this.document;
	}

	/**
	 * The operation at a documented path and method, such as {@code GET /api/treatments}.
	 */
	public Operation operation(PathItem.HttpMethod method, String path) {
		PathItem item = document().getPaths() == null ? null : document().getPaths().get(path);
		Operation operation = item == null ? null : item.readOperationsMap().get(method);
		if (operation == null) {
			throw new IllegalArgumentException("The document has no operation " + method + " " + path);
		}
		return operation;
	}

	private static List<String> operationViolations(OpenAPI document) {
		List<String> violations = new ArrayList<>();
		if (document.getPaths() == null || document.getPaths().isEmpty()) {
			violations.add("the document has no paths");
			return violations;
		}
		Set<String> schemes = (document.getComponents() == null
				|| document.getComponents().getSecuritySchemes() == null) ? Set.of()
						: document.getComponents().getSecuritySchemes().keySet();
		document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			String where = method + " " + path + ": ";
			if (isBlank(operation.getSummary())) {
				violations.add(where + "no summary");
			}
			if (isBlank(operation.getDescription())) {
				violations.add(where + "no description");
			}
			if (operation.getSecurity() == null) {
				violations.add(where + "no security declaration (an empty list says it needs none)");
			}
			else {
				for (SecurityRequirement requirement : operation.getSecurity()) {
					requirement.keySet()
						.stream()
						.filter(name -> !schemes.contains(name))
						.forEach(name -> violations.add(where + "security names an undefined scheme " + name));
				}
			}
			if (!answersAProblem(operation)) {
				violations.add(where + "no 4xx response of " + PROBLEM_JSON);
			}
		}));
		return violations;
	}

	private static boolean answersAProblem(Operation operation) {
		if (operation.getResponses() == null) {
			return false;
		}
		for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
			Content content = response.getValue().getContent();
			if (response.getKey().startsWith("4") && content != null && content.containsKey(PROBLEM_JSON)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
