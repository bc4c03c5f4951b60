package dev.medspa.testsupport;

import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The document check finds each kind of flaw, and passes a document without any. */
class OpenApiDocumentCheckTest {

	private static final String HEAD = """
			{"openapi": "3.1.0", "info": {"title": "Probe", "version": "v0"},
			 "components": {"securitySchemes": {"staffToken": {"type": "http", "scheme": "bearer"}}},
			 "paths": {
			""";

	private static final String PROBLEM = """
			"responses": {"400": {"description": "Invalid", "content": {"application/problem+json": {}}}}
			""";

	@Test
	void aSoundDocumentHasNoViolations() {
		OpenApiDocumentCheck check = OpenApiDocumentCheck.of(HEAD + """
				"/api/things": {
				  "get": {"summary": "List things", "description": "All of them", "security": [], %s},
				  "post": {"summary": "Add a thing", "description": "One more", "security": [{"staffToken": []}], %s}
				}}}
				""".formatted(PROBLEM, PROBLEM));

		assertThat(check.violations()).isEmpty();
		assertThat(check.operation(PathItem.HttpMethod.GET, "/api/things").getSecurity()).isNotNull().isEmpty();
		assertThat(check.operation(PathItem.HttpMethod.POST, "/api/things").getSecurity()).singleElement()
			.satisfies(requirement -> assertThat(requirement).containsKey("staffToken"));
	}

	@Test
	void eachFlawOfAnOperationIsNamed() {
		OpenApiDocumentCheck check = OpenApiDocumentCheck.of(HEAD + """
				"/api/silent": {"get": {"description": "No summary", "security": [], %s}},
				"/api/terse": {"get": {"summary": "No description", "security": [], %s}},
				"/api/open": {"get": {"summary": "No security", "description": "Says nothing of tokens", %s}},
				"/api/odd": {"get": {"summary": "Odd scheme", "description": "Names a scheme not defined",
				                     "security": [{"apiKey": []}], %s}},
				"/api/plain": {"get": {"summary": "No problems", "description": "Errors are not problem details",
				                       "security": [],
				                       "responses": {"200": {"description": "OK"},
				                                     "404": {"description": "Gone",
				                                             "content": {"application/json": {}}}}}}
				}}
				""".formatted(PROBLEM, PROBLEM, PROBLEM, PROBLEM));

		assertThat(check.violations()).containsExactlyInAnyOrder("GET /api/silent: no summary",
				"GET /api/terse: no description",
				"GET /api/open: no security declaration (an empty list says it needs none)",
				"GET /api/odd: security names an undefined scheme apiKey",
				"GET /api/plain: no 4xx response of application/problem+json");
	}

	@Test
	void whatTheParserRejectsIsReported() {
		OpenApiDocumentCheck check = OpenApiDocumentCheck.of("""
				{"openapi": "3.1.0", "info": {"version": "v0"}, "paths": {
				  "/api/things": {"get": {"summary": "List things", "description": "All", "security": [],
				                          "responses": "none"}}
				}}
				""");

		assertThat(check.violations()).anySatisfy(violation -> assertThat(violation).startsWith("parser: "))
			.anySatisfy(violation -> assertThat(violation).contains("title"))
			.anySatisfy(violation -> assertThat(violation).contains("GET /api/things: no 4xx response"));
	}

	@Test
	void somethingElseIsNoDocumentAtAll() {
		OpenApiDocumentCheck check = OpenApiDocumentCheck.of("<html><body>Not found</body></html>");

		assertThat(check.violations()).contains("not an OpenAPI document");
		assertThatIllegalStateException().isThrownBy(() -> check.operation(PathItem.HttpMethod.GET, "/api/things"));
	}

}
