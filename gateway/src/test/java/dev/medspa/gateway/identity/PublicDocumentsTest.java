package dev.medspa.gateway.identity;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medspa.gateway.docs.AsyncApiController;
import dev.medspa.gateway.docs.AsyncApiDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The AsyncAPI document is public under the gateway's real security chains: anyone gets
 * it without signing in or a token, while a staff page in the same slice still asks for
 * sign-in.
 */
@WebMvcTest(AsyncApiController.class)
@Import({ IdentityConfiguration.class, AsyncApiDocument.class, PublicDocumentsTest.Beans.class })
class PublicDocumentsTest {

	@EnableConfigurationProperties(IdentityProperties.class)
	static class Beans {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@TempDir
	static Path keys;

	@DynamicPropertySource
	static void keyFile(DynamicPropertyRegistry registry) {
		registry.add("medspa.identity.signing-key-file", () -> keys.resolve("signing-key.json").toString());
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StaffAccounts accounts;

	@Test
	void anyoneGetsTheAsyncApiDocumentAsJson() throws Exception {
		this.mvc.perform(get("/docs/asyncapi.json"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.asyncapi").value("3.0.0"))
			.andExpect(jsonPath("$.channels.webhooks").exists());
	}

	@Test
	void staffPagesInTheSameSliceStillAskForSignIn() throws Exception {
		this.mvc.perform(get("/staff")).andExpect(redirectedUrl("/staff/sign-in"));
	}

}
