package dev.medspa.booking;

import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.OpenApiDocumentCheck;
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
 * The booking API's document, as served, is one an integrator can trust: every operation
 * says what it does, what token it needs and how it fails.
 */
@SpringBootTest(properties = "springdoc.api-docs.enabled=true")
@AutoConfigureMockMvc
@LocalInfrastructure
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
		assertThat(this.check.operation(HttpMethod.POST, "/api/bookings").getSecurity()).isNotNull().isEmpty();
		assertThat(this.check.operation(HttpMethod.GET, "/api/manage/{token}").getSecurity()).isNotNull().isEmpty();
		assertThat(this.check.operation(HttpMethod.GET, "/api/manage/{token}").getResponses()).doesNotContainKey("401");
	}

	@Test
	void staffRoutesNeedAStaffTokenAndSayWhichRoles() {
		assertRoles(this.check.operation(HttpMethod.GET, "/api/staff/bookings/{id}"), "FRONT_DESK", "MANAGER", "OWNER",
				"PRACTITIONER");
		Operation schedule = this.check.operation(HttpMethod.PUT, "/api/staff/schedules/{practitionerId}");
		assertRoles(schedule, "MANAGER", "OWNER");
		assertThat(schedule.getDescription()).endsWith("Roles: manager or owner");
		assertThat(schedule.getResponses()).containsKeys("403", "412", "428");
		assertRoles(this.check.operation(HttpMethod.POST, "/api/staff/clients/erase"), "OWNER");
		assertRoles(this.check.operation(HttpMethod.GET, "/api/staff/audit"), "OWNER");
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
