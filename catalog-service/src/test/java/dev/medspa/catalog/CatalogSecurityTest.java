package dev.medspa.catalog;

import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class CatalogSecurityTest {

	@Autowired
	MockMvc mvc;

	@Test
	void staffRoutesNeedAToken() throws Exception {
		this.mvc.perform(get("/api/staff/treatments"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/unauthorized"));
	}

	@Test
	void aStaffTokenOpensStaffRoutes() throws Exception {
		this.mvc.perform(get("/api/staff/treatments").with(jwt())).andExpect(status().isOk());
	}

	@Test
	void onlyManagersAndOwnersChangeTheCatalog() throws Exception {
		var frontDesk = jwt()
			.authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_FRONT_DESK"));
		this.mvc.perform(get("/api/staff/treatments").with(frontDesk)).andExpect(status().isOk());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/staff/treatments/microneedling/retire")
				.with(frontDesk)
				.header("If-Match", "\"1\""))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/forbidden"));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/staff/locations/x")
				.with(frontDesk))
			.andExpect(status().isForbidden());
	}

	@Test
	void routesNotListedAsPublicAreDenied() throws Exception {
		this.mvc.perform(delete("/api/treatments/microneedling")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/anything-else")).andExpect(status().isUnauthorized());
	}

	@Test
	void healthAndApiDocsAreOpen() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
	}

}
