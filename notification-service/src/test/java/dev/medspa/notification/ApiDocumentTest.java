package dev.medspa.notification;

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
 * The notification API's document, as served, is one an integrator can trust: every
 * operation says what it does, what token it needs and how it fails.
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
		assertThat(this.check.operation(HttpMethod.POST, "/api/email-codes").getSecurity()).isNotNull().isEmpty();
		assertThat(this.check.operation(HttpMethod.GET, "/api/unsubscribe/{token}").getSecurity()).isNotNull()
			.isEmpty();
	}

	@Test
	void staffRoutesNeedAStaffTokenAndSayWhichRoles() {
		Operation ledger = this.check.operation(HttpMethod.GET, "/api/staff/notifications");
		assertRoles(ledger, "FRONT_DESK", "MANAGER", "OWNER", "PRACTITIONER");
		assertThat(ledger.getDescription()).endsWith("Roles: any staff (front desk, practitioner, manager, owner)");
		Operation export = this.check.operation(HttpMethod.POST, "/api/staff/clients/export");
		assertRoles(export, "OWNER");
		assertThat(export.getDescription()).endsWith("Roles: owner");
		assertThat(export.getResponses()).containsKey("403");
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
