package dev.medspa.support.web;

import java.time.OffsetDateTime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import dev.medspa.support.Refusal;
import dev.medspa.support.operations.ProblemMeter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every service answers to bad input, in a web slice with a probe controller, no
 * store and no broker: a problem detail (RFC 9457) of a stable type that names the
 * fields, never a stack trace, never a 500 for the client's mistake; each one counted.
 */
@WebMvcTest(ProblemDetailsSliceTest.Probe.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ ProblemDetailsSliceTest.Probe.class, ProblemDetailsHandler.class, ProblemMeter.class,
		ProblemDetailsSliceTest.Meters.class })
class ProblemDetailsSliceTest {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Slice {

	}

	static class Meters {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	record Order(@NotBlank String name, @Min(1) int count, @NotNull OffsetDateTime at) {
	}

	@RestController
	@Validated
	static class Probe {

		@PostMapping("/probe")
		Order take(@Valid @RequestBody Order order) {
			return order;
		}

		@GetMapping("/probe/{number}")
		int square(@PathVariable int number) {
			if (number == 13) {
				throw new IllegalStateException("internal detail that must not leak");
			}
			if (number == 7) {
				throw Refusal.conflict("slot-taken", "Slot taken", "start", "Someone was quicker");
			}
			return number * number;
		}

		@GetMapping("/probe")
		int page(@RequestParam @Min(1) int page) {
			return page;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Test
	void invalidFieldsAreNamedEachWithItsReason() throws Exception {
		problem(this.mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\" \",\"count\":0,\"at\":\"2026-12-01T10:00:00-08:00\"}")), 400, "invalid-request")
			.andExpect(jsonPath("$.errors[0].field").value("count"))
			.andExpect(jsonPath("$.errors[1].field").value("name"));
		problem(this.mvc.perform(get("/probe").param("page", "0")), 400, "invalid-request");
		problem(this.mvc.perform(get("/probe")), 400, "invalid-request");
	}

	@Test
	void aBodyThatCannotBeReadSaysWhereAndWhy() throws Exception {
		problem(this.mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\":")), 400,
				"malformed-body");
		problem(this.mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Ana\",\"count\":\"many\",\"at\":\"2026-12-01T10:00:00-08:00\"}")), 400, null)
			.andExpect(content().string(containsString("count")));
		problem(this.mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Ana\",\"count\":1,\"at\":\"2026-12-01T10:00\"}")), 400, null)
			.andExpect(content().string(containsString("at")));
		problem(this.mvc.perform(get("/probe/seven")), 400, "invalid-request");
	}

	@Test
	void theWrongRouteMethodOrMediaTypeIsAProblemToo() throws Exception {
		problem(this.mvc.perform(get("/nothing-here")), 404, "not-found");
		problem(this.mvc.perform(delete("/probe")), 405, "method-not-allowed");
		problem(this.mvc.perform(post("/probe").contentType(MediaType.TEXT_PLAIN).content("hello")), 415,
				"unsupported-media-type");
	}

	@Test
	void aRefusalKeepsItsTypeAndAFailureOfOursSaysNothingOfItsInsides() throws Exception {
		double before = counted("slot-taken", "409");
		problem(this.mvc.perform(get("/probe/7")), 409, "slot-taken")
			.andExpect(jsonPath("$.errors[0].field").value("start"));
		assertThat(counted("slot-taken", "409")).isEqualTo(before + 1);
		problem(this.mvc.perform(get("/probe/13")), 500, "internal-error")
			.andExpect(content().string(not(containsString("must not leak"))))
			.andExpect(content().string(not(containsString("IllegalStateException"))));
	}

	private double counted(String type, String status) {
		var counter = this.meters.find("medspa.problems").tags("type", type, "status", status).counter();
		return counter == null ? 0 : counter.count();
	}

	private static ResultActions problem(ResultActions result, int status, String type) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(content().string(not(containsString("at org.springframework"))));
		if (type != null) {
			result.andExpect(jsonPath("$.type").value(ProblemTypes.BASE + type));
		}
		return result;
	}

}
