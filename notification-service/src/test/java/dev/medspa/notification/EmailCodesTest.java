package dev.medspa.notification;

import java.time.Clock;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.support.links.EmailCodes;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client asks for a code and gets it by e-mail, through the real SMTP server, and
 * booking-service's check accepts it; nobody can flood an address with codes.
 */
@SpringBootTest(properties = { "medspa.limits.email-codes-per-email-per-hour=2",
		"medspa.limits.email-codes-per-address-per-hour=3" })
@AutoConfigureMockMvc
@LocalInfrastructure
class EmailCodesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EmailCodes codes;

	@Autowired
	Clock clock;

	@Test
	void theCodeArrivesByMailNamesNothingElseAndIsTheOneBookingChecks() throws Exception {
		String email = PipelineFixtures.newEmail("code");
		ask(email, "10.1.0.1").andExpect(status().isAccepted()).andExpect(jsonPath("$.validForMinutes").value(10));
		List<MimeMessage> mail = PipelineFixtures.mailTo(email);
		assertThat(mail).hasSize(1);
		String code = mail.get(0).getSubject().replaceAll(".*: ", "");
		assertThat(code).matches("[0-9]{6}");
		assertThat(this.codes.matches(email, code, this.clock.instant())).isTrue();
		String text = PipelineFixtures.part(mail.get(0), "text/plain");
		assertThat(text).contains(code).doesNotContainIgnoringCase("micro").doesNotContain("appointment");
		assertThat(mail.get(0).getHeader("X-Medspa-Message")).isNotNull();
	}

	@Test
	void codesArePerAddressAndPerEmailSoNobodyIsFlooded() throws Exception {
		String email = PipelineFixtures.newEmail("flood");
		ask(email, "10.2.0.1").andExpect(status().isAccepted());
		ask(email, "10.2.0.2").andExpect(status().isAccepted());
		ask(email, "10.2.0.3").andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
		assertThat(PipelineFixtures.mailTo(email)).hasSize(2);

		for (int i = 0; i < 3; i++) {
			ask(PipelineFixtures.newEmail("spray"), "10.3.0.1").andExpect(status().isAccepted());
		}
		ask(PipelineFixtures.newEmail("spray"), "10.3.0.1").andExpect(status().isTooManyRequests());
		ask(PipelineFixtures.newEmail("spray"), "10.3.0.2").andExpect(status().isAccepted());
	}

	@Test
	void aMalformedAddressIsAFieldError() throws Exception {
		this.mvc
			.perform(post("/api/email-codes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"not an address\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
	}

	private ResultActions ask(String email, String from) throws Exception {
		return this.mvc.perform(post("/api/email-codes").with(request -> {
			request.setRemoteAddr(from);
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + email + "\"}"));
	}

}
