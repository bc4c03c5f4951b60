package dev.medspa.catalog;

import dev.medspa.testsupport.OpenApiDocumentCheck;
import dev.medspa.testsupport.SharedLocalInfrastructure;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog's API document, as served, is one an integrator can trust: every operation
 * says what it does, what token it needs and how it fails.
 */
@SpringBootTest(properties = "medspa.catalog.demo-data=true")
@AutoConfigureMockMvc
@SharedLocalInfrastructure
class ApiDocumentTest {

	@Autowired
	MockMvc mvc;

	OpenApiDocumentCheck check;

	@BeforeEach
	void readTheDocument() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.check = OpenApiDocumentCheck.of(document);
	}

	@Test
	void everyOperationIsDescribedSecuredAndFailsWithProblems() {
		assertThat(this.check.violations()).isEmpty();
	}

	@Test
	void publicRoutesNeedNoToken() {
		assertThat(this.check.operation(HttpMethod.GET, "/api/treatments").getSecurity()).isNotNull().isEmpty();
		assertThat(this.check.operation(HttpMethod.GET, "/api/locations/{id}").getSecurity()).isNotNull().isEmpty();
	}

	@Test
	void staffRoutesNeedAStaffTokenAndSayWhichRoles() {
		assertRoles(this.check.operation(HttpMethod.GET, "/api/staff/treatments"), "FRONT_DESK", "MANAGER", "OWNER",
				"PRACTITIONER");
		assertRoles(this.check.operation(HttpMethod.POST, "/api/staff/treatments"), "MANAGER", "OWNER");
		assertRoles(this.check.operation(HttpMethod.POST, "/api/staff/locations"), "OWNER");
		Operation changeLocation = this.check.operation(HttpMethod.PUT, "/api/staff/locations/{id}");
		assertRoles(changeLocation, "MANAGER", "OWNER");
		assertThat(changeLocation.getDescription()).endsWith("Roles: owner, or a manager of the location in the path");
		assertThat(changeLocation.getResponses()).containsKeys("401", "403", "412", "428");
	}

	@Test
	void problemResponsesShowTheBodyAClientGets() {
		var problem = this.check.operation(HttpMethod.PUT, "/api/staff/treatments/{id}")
			.getResponses()
			.get("428")
			.getContent()
			.get("application/problem+json");
		assertThat(problem.getExample()).asString()
			.contains("https://medspa.dev/problems/version-required")
			.contains("/api/staff/treatments/lash-lift");
	}

	private void assertRoles(Operation operation, String... roles) {
		assertThat(operation.getSecurity()).singleElement()
			.satisfies(requirement -> assertThat(requirement).containsOnlyKeys("staffToken"));
		assertThat(operation.getExtensions()).containsKey("x-roles");
		assertThat(operation.getExtensions().get("x-roles")).asInstanceOf(InstanceOfAssertFactories.list(String.class))
			.containsExactly(roles);
		assertThat(operation.getResponses()).containsKey("401");
	}

}
