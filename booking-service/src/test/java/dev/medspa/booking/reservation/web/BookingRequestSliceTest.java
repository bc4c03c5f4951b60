package dev.medspa.booking.reservation.web;

import java.util.stream.Stream;

import dev.medspa.booking.intake.IntakeStatuses;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.IdempotentBookings;
import dev.medspa.support.operations.ProblemMeter;
import dev.medspa.support.web.ProblemDetailsHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public booking request's validation, in a web slice: no store, no broker, no
 * security chain. Each bad body is a 400 problem that names the field, and nothing behind
 * the controller is asked anything. The full-context tests keep what needs the store (a
 * taken slot, a closed day, the limits).
 */
@WebMvcTest(BookingController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ ProblemDetailsHandler.class, ProblemMeter.class, BookingRequestSliceTest.Meters.class })
class BookingRequestSliceTest {

	static class Meters {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BookingService bookings;

	@MockitoBean
	IdempotentBookings idempotent;

	@MockitoBean
	ClientLimits limits;

	@MockitoBean
	IntakeStatuses intake;

	static Stream<Arguments> badBodies() {
		String client = """
				{"name":"Ana Gomez","email":"ana@example.com","phone":"+1 925 555 0199"}""";
		return Stream.of(
				Arguments.of("no treatment",
						"""
								{"locationId":"walnut-creek","start":"2026-12-01T10:00:00-08:00","client":%s}"""
							.formatted(client),
						"treatmentId"),
				Arguments.of("a blank location",
						"""
								{"treatmentId":"t","locationId":" ","start":"2026-12-01T10:00:00-08:00","client":%s}"""
							.formatted(client),
						"locationId"),
				Arguments.of("no start", """
						{"treatmentId":"t","locationId":"l","client":%s}""".formatted(client), "start"),
				Arguments.of("a start without an offset",
						"""
								{"treatmentId":"t","locationId":"l","start":"2026-12-01T10:00:00","client":%s}"""
							.formatted(client),
						"start"),
				Arguments.of("no client", """
						{"treatmentId":"t","locationId":"l","start":"2026-12-01T10:00:00-08:00"}""", "client"),
				Arguments.of("a name with a line break", """
						{"treatmentId":"t","locationId":"l","start":"2026-12-01T10:00:00-08:00",
						 "client":{"name":"Ana\\nBcc: x","email":"ana@example.com","phone":"+1 925 555 0199"}}""",
						"client.name"),
				Arguments.of("an e-mail without a domain", """
						{"treatmentId":"t","locationId":"l","start":"2026-12-01T10:00:00-08:00",
						 "client":{"name":"Ana","email":"ana@","phone":"+1 925 555 0199"}}""", "client.email"),
				Arguments.of("letters for a phone", """
						{"treatmentId":"t","locationId":"l","start":"2026-12-01T10:00:00-08:00",
						 "client":{"name":"Ana","email":"ana@example.com","phone":"call me"}}""", "client.phone"),
				Arguments.of("a treatment id of 101 characters",
						"""
								{"treatmentId":"%s","locationId":"l","start":"2026-12-01T10:00:00-08:00","client":%s}"""
							.formatted("t".repeat(101), client),
						"treatmentId"),
				Arguments.of("a number for the start", """
						{"treatmentId":"t","locationId":"l","start":[1,2],"client":%s}""".formatted(client), "start"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBodies")
	void aBadBookingRequestIsA400NamingTheFieldAndReachesNothingBehindTheController(String what, String body,
			String field) throws Exception {
		this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("\"" + field + "\"")))
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(jsonPath("$.status").value(400));
		verifyNoInteractions(this.bookings, this.idempotent, this.limits);
	}

	@ParameterizedTest(name = "Idempotency-Key of {0} characters")
	@MethodSource("badKeys")
	void aBadIdempotencyKeyIsA400(int length, String key) throws Exception {
		this.mvc.perform(
				post("/api/bookings").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content("""
						{"treatmentId":"t","locationId":"l","start":"2026-12-01T10:00:00-08:00",
						 "client":{"name":"Ana","email":"ana@example.com","phone":"+1 925 555 0199"}}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Idempotency-Key")));
		verifyNoInteractions(this.bookings, this.idempotent);
	}

	static Stream<Arguments> badKeys() {
		return Stream.of(Arguments.of(1, " "), Arguments.of(256, "k".repeat(256)));
	}

}
