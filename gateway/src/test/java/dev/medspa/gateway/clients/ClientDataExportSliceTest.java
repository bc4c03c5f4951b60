package dev.medspa.gateway.clients;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.routes.ServiceInstances;
import dev.medspa.gateway.services.Services;
import dev.medspa.gateway.services.StandInInstances;
import dev.medspa.gateway.services.StandInService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one file of a client's data, gathered over HTTP from loopback stand-ins of
 * booking-, notification- and intake-service: intake's forms are in it, each service gets
 * the owner's token and the client's code, and when intake-service refuses or does not
 * answer there is no file, but a problem that says so.
 */
@WebMvcTest(ClientDataApi.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ClientDataExportSliceTest.OverHttp.class)
class ClientDataExportSliceTest {

	static final String EXPORT = "/api/staff/clients/export";

	static final String REQUEST = "{\"email\":\"ana@example.com\",\"emailCode\":\"123456\",\"reason\":\"Her request\"}";

	static class OverHttp {

		@Bean
		StandInInstances instances() {
			return new StandInInstances();
		}

		@Bean
		Services services(StandInInstances instances, AccessTokens tokens, StaffAccounts accounts) {
			return instances.services(tokens, accounts);
		}

		@Bean
		ClientDataExport export(Services services) {
			return new ClientDataExport(services, Clock.fixed(Instant.parse("2027-01-12T16:00:00Z"), ZoneOffset.UTC));
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	StandInInstances instances;

	@MockitoBean
	StaffAccounts accounts;

	@MockitoBean
	AccessTokens tokens;

	private StandInService booking;

	private StandInService notification;

	private StandInService intake;

	@BeforeEach
	void servicesAnswer() throws IOException {
		this.booking = new StandInService().answer("POST", EXPORT, 200, "{\"bookings\":[{\"id\":\"b1\"}]}");
		this.notification = new StandInService().answer("POST", EXPORT, 200, "{\"messages\":[]}");
		this.intake = new StandInService().answer("POST", EXPORT, 200,
				"{\"submissions\":[{\"bookingId\":\"b1\",\"templateId\":\"microneedling-health\","
						+ "\"signedName\":\"Ana Gomez\",\"answers\":{\"isotretinoin\":\"no\"}}]}");
		this.instances.serve(ServiceInstances.BOOKING, this.booking);
		this.instances.serve(ServiceInstances.NOTIFICATION, this.notification);
		this.instances.serve(ServiceInstances.INTAKE, this.intake);
	}

	@AfterEach
	void stop() {
		this.booking.close();
		this.notification.close();
		this.intake.close();
	}

	@Test
	void theFileHoldsIntakeServicesFormsBesideTheOtherServicesParts() throws Exception {
		this.mvc
			.perform(post(EXPORT).header("Authorization", "Bearer owner-token")
				.contentType(MediaType.APPLICATION_JSON)
				.content(REQUEST))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("ana@example.com"))
			.andExpect(jsonPath("$.bookingService.bookings[0].id").value("b1"))
			.andExpect(jsonPath("$.notificationService.messages").isArray())
			.andExpect(jsonPath("$.intakeService.submissions[0].signedName").value("Ana Gomez"))
			.andExpect(jsonPath("$.intakeService.submissions[0].answers.isotretinoin").value("no"));
		assertThat(this.intake.requests("POST", EXPORT)).singleElement().satisfies(request -> {
			assertThat(request.authorization()).isEqualTo("Bearer owner-token");
			assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(REQUEST));
		});
	}

	@Test
	void whenIntakeServiceRefusesThereIsNoFileButItsProblem() throws Exception {
		this.intake.refuse("POST", EXPORT, 403, "forbidden");
		this.mvc
			.perform(post(EXPORT).header("Authorization", "Bearer owner-token")
				.contentType(MediaType.APPLICATION_JSON)
				.content(REQUEST))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/forbidden"));
	}

	@Test
	void whenIntakeServiceDoesNotAnswerThereIsNoFileAndTheProblemNamesIt() throws Exception {
		this.intake.close();
		this.mvc
			.perform(post(EXPORT).header("Authorization", "Bearer owner-token")
				.contentType(MediaType.APPLICATION_JSON)
				.content(REQUEST))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/service-unavailable"))
			.andExpect(jsonPath("$.detail").value(containsString("intake-service did not answer")));
	}

	@Test
	void whenIntakeServiceHasNoLiveInstanceTheProblemNamesItToo() throws Exception {
		this.instances.serve(ServiceInstances.INTAKE, null);
		this.mvc
			.perform(post(EXPORT).header("Authorization", "Bearer owner-token")
				.contentType(MediaType.APPLICATION_JSON)
				.content(REQUEST))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(containsString("intake-service did not answer")));
	}

}
