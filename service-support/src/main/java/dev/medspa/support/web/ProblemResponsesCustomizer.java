package dev.medspa.support.web;

import java.util.LinkedHashMap;
import java.util.Map;

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

/**
 * Documents, on every operation, the problem details it can answer with: 400 for invalid
 * input everywhere, 401 on staff routes, 404 where a path names a resource, 409, 412 and
 * 428 where staff change things, and 422 where a request names something that cannot be
 * used.
 */
public class ProblemResponsesCustomizer implements OpenApiCustomizer {

	private static final String PROBLEM = "Problem";

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.schema(PROBLEM, problemSchema());
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			Map<String, String> problems = new LinkedHashMap<>();
			problems.put("400", "Invalid request: each invalid field is named with its reason");
			boolean staff = path.startsWith("/api/staff/");
			if (staff) {
				problems.put("401", "No valid staff token");
			}
			if (path.contains("{")) {
				problems.put("404", "No such resource");
			}
			boolean change = method != PathItem.HttpMethod.GET;
			if (change) {
				problems.put("422", "The request names something that does not exist or cannot be used");
			}
			if (staff && change) {
				problems.put("409", "Conflicts with another entry, e.g. a slug already in use");
				if (path.contains("{")) {
					problems.put("412", "Stale version: someone changed it since you read it");
					problems.put("428", "If-Match with the version read is required");
				}
			}
			problems.forEach((status, description) -> add(operation, status, description));
		}));
	}

	private static void add(Operation operation, String status, String description) {
		if (operation.getResponses() == null) {
			operation.responses(new ApiResponses());
		}
		if (!operation.getResponses().containsKey(status)) {
			operation.getResponses()
				.addApiResponse(status,
						new ApiResponse().description(description)
							.content(new Content().addMediaType("application/problem+json",
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
		}
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
