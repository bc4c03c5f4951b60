package dev.medspa.booking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.reservation.ClientData;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.events.EventContracts;
import dev.medspa.support.links.EmailCodes;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.TopicReader;
import dev.medspa.testsupport.MutableClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An owner hands a client everything this service holds about them and erases it at their
 * request (proved by the code sent to their address); bookings stay as anonymous facts
 * and each erasure goes out as an event for the other services. A client inactive for the
 * retention period is erased by itself.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
@Import(ClientPrivacyTest.Time.class)
class ClientPrivacyTest {

	private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@Autowired
	EmailCodes codes;

	@Autowired
	ClientData clients;

	@Autowired
	TopicNames topics;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void clinic() {
		this.clock.set(DAY.minusDays(7).atTime(8, 0).atZone(LA).toInstant());
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
	}

	@Test
	void anOwnerExportsAndErasesAClientWhoProvedTheAddressAndOthersStayAsTheyWere() throws Exception {
		String email = "leaving@example.com";
		String first = book(9, email);
		String second = book(11, email);
		String other = book(13, "staying@example.com");

		// owners only, and only with the client's code
		clientData("export", email, code(email), Staff.managerAt(CatalogFixtures.WALNUT_CREEK))
			.andExpect(status().isForbidden());
		clientData("export", email, "000000".equals(code(email)) ? "111111" : "000000", Staff.owner())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/email-code-invalid"));
		clientData("export", "Leaving@Example.com", code(email), Staff.owner()).andExpect(status().isOk())
			.andExpect(jsonPath("$.bookings", hasSize(2)))
			.andExpect(jsonPath("$.bookings[0].client.email").value(email))
			.andExpect(jsonPath("$.bookings[0].client.phone").value("+1 925 555 0199"));

		// not while a booking is still to come: it is cancelled first, so the client
		// hears
		clientData("erase", email, code(email), Staff.owner()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.bookings", hasSize(2)));
		for (String id : List.of(first, second)) {
			this.mvc
				.perform(post("/api/staff/bookings/" + id + "/cancel").with(Staff.owner())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"reason\":\"Ana asked us to forget her\"}"))
				.andExpect(status().isOk());
		}
		clientData("erase", email, code(email), Staff.owner()).andExpect(status().isOk())
			.andExpect(jsonPath("$.erasedBookings").value(2));
		clientData("erase", email, code(email), Staff.owner()).andExpect(jsonPath("$.erasedBookings").value(0));

		clientData("export", email, code(email), Staff.owner()).andExpect(jsonPath("$.bookings", hasSize(0)));
		String kept = this.mvc.perform(get("/api/staff/bookings/" + first).with(Staff.owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.treatmentId").value(CatalogFixtures.CONSULTATION))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(kept).doesNotContain(email).doesNotContain("555 0199").doesNotContain("Ana");
		this.mvc.perform(get("/api/staff/bookings/" + other).with(Staff.owner()))
			.andExpect(jsonPath("$.client.email").value("staying@example.com"));

		// each erased booking tells the other services, once
		for (String id : List.of(first, second)) {
			assertThat(eventTypes(id)).containsExactly(EventContracts.BOOKING_CONFIRMED.type(),
					EventContracts.BOOKING_CANCELLED.type(), EventContracts.BOOKING_CLIENT_ERASED.type());
		}
	}

	@Test
	void aClientInactiveForTheRetentionPeriodIsErasedAndAnActiveOneIsNot() throws Exception {
		String gone = book(15, "long-gone@example.com");
		String returning = book(16, "returning@example.com");
		this.clock.set(DAY.plusYears(3).minusDays(10).atTime(8, 0).atZone(LA).toInstant());
		String recent = book(DAY.plusYears(3).minusDays(7), 10, "returning@example.com");

		this.clock.set(DAY.plusYears(3).plusDays(1).atTime(8, 0).atZone(LA).toInstant());
		this.clients.eraseInactive();
		assertThat(clientOf(gone)).doesNotContain("long-gone@example.com");
		assertThat(clientOf(returning)).contains("returning@example.com");
		assertThat(clientOf(recent)).contains("returning@example.com");

		// a later run goes on from where this one stopped
		this.clock.set(DAY.plusYears(6).atTime(8, 0).atZone(LA).toInstant());
		this.clients.eraseInactive();
		assertThat(clientOf(returning)).doesNotContain("returning@example.com");
		assertThat(clientOf(recent)).doesNotContain("returning@example.com");
	}

	private String clientOf(String id) throws Exception {
		return this.mvc.perform(get("/api/staff/bookings/" + id).with(Staff.owner()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String code(String email) {
		return this.codes.code(email, this.clock.instant());
	}

	private ResultActions clientData(String action, String email, String code, RequestPostProcessor who)
			throws Exception {
		return this.mvc.perform(post("/api/staff/clients/" + action).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"%s\",\"emailCode\":\"%s\",\"reason\":\"Asked by phone\"}".formatted(email, code)));
	}

	private String book(int hour, String email) throws Exception {
		return book(DAY, hour, email);
	}

	private String book(LocalDate day, int hour, String email) throws Exception {
		String start = day.atTime(hour, 0).atZone(LA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		String body = this.mvc
			.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, start,
						email)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private List<String> eventTypes(String bookingId) {
		List<ConsumerRecord<String, String>> records = TopicReader.readSettled(this.bootstrapServers,
				this.topics.bookingEvents(), record -> record.key().equals(bookingId), 3, Duration.ofSeconds(2));
		assertThat(records).hasSize(3);
		return records.stream()
			.map(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
			.toList();
	}

}
