package dev.medspa.booking;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.infrastructure.FreePort;
import dev.medspa.support.operations.KafkaHealthIndicator;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Operators read the service's own figures from the Prometheus scrape, which opens only
 * to the scrape password; readiness follows the store and the broker, liveness does not.
 */
@SpringBootTest(properties = "medspa.metrics.scrape-password=" + OperatorMetricsTest.SCRAPE_PASSWORD)
@AutoConfigureMockMvc
@LocalInfrastructure
class OperatorMetricsTest {

	/** Accepted only by this test's application context. */
	static final String SCRAPE_PASSWORD = "scrape-password-of-this-test-only";

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Test
	void theScrapeCountsBookingsAndRefusalsAndShowsTheOutboxAndConsumerLag() throws Exception {
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
		String before = scrape();
		String start = LocalDate.now(ZoneId.of("America/Los_Angeles"))
			.plusDays(6)
			.atTime(11, 0)
			.atZone(ZoneId.of("America/Los_Angeles"))
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		book(start, "counted@example.com").andExpect(status().isCreated());
		book(start, "second@example.com").andExpect(status().isConflict());

		String after = scrape();
		assertThat(value(after, "medspa_bookings_total", "event=\"BookingConfirmed\""))
			.isEqualTo(value(before, "medspa_bookings_total", "event=\"BookingConfirmed\"") + 1);
		assertThat(value(after, "medspa_problems_total", "status=\"409\",type=\"slot-taken\""))
			.isEqualTo(value(before, "medspa_problems_total", "status=\"409\",type=\"slot-taken\"") + 1);
		assertThat(after).contains("medspa_outbox_backlog{application=\"booking-service\"}")
			.contains("medspa_outbox_oldest_age_seconds")
			.contains("kafka_consumer_fetch_manager_records_lag_max")
			.doesNotContain("counted@example.com");
	}

	@Test
	void theScrapeOpensOnlyToItsPassword() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, basic("prometheus", "guess")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, basic("owner", SCRAPE_PASSWORD)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(Staff.owner())).andExpect(status().isForbidden());
		// and the scrape credentials open nothing else
		this.mvc
			.perform(get("/api/staff/audit").header(HttpHeaders.AUTHORIZATION, basic("prometheus", SCRAPE_PASSWORD)))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(get("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, basic("prometheus", SCRAPE_PASSWORD)))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void readinessFollowsTheStoreAndTheBrokerAndLivenessDoesNot() throws Exception {
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		KafkaHealthIndicator reachable = new KafkaHealthIndicator(this.kafkaAdmin.getConfigurationProperties());
		KafkaHealthIndicator nobodyThere = new KafkaHealthIndicator(
				Map.of("bootstrap.servers", "127.0.0.1:" + FreePort.find()));
		try {
			assertThat(reachable.health().getStatus()).isEqualTo(Status.UP);
			assertThat(nobodyThere.health().getStatus()).isEqualTo(Status.DOWN);
		}
		finally {
			reachable.destroy();
			nobodyThere.destroy();
		}
	}

	private org.springframework.test.web.servlet.ResultActions book(String start, String email) throws Exception {
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
			.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, start, email)));
	}

	private String scrape() throws Exception {
		return this.mvc
			.perform(
					get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, basic("prometheus", SCRAPE_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The value of the sample whose labels contain the given ones, 0 if there is none.
	 */
	private static double value(String scrape, String name, String labels) {
		Matcher sample = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
		while (sample.find()) {
			if (sample.group(1).contains(labels)) {
				return Double.parseDouble(sample.group(2));
			}
		}
		return 0;
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
