package dev.medspa.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the public API does with input nobody should send: too large, with line breaks
 * where they could travel into a message, or simply garbled, ten thousand times over.
 * Never a 5xx.
 */
@SpringBootTest(properties = "medspa.booking.maximum-location-days=40")
@AutoConfigureMockMvc
@LocalInfrastructure
class InputBoundsTest {

	private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

	/** Things that break parsers and validators. */
	private static final List<String> NASTY = List.of("null", "{", "}", "[", "]", "\"", "\\", "\\u0000", "\u0000", "-1",
			"0", "1e309", "99999999999999999999999999", "true", "\"2026-13-45T99:99:99Z\"", "\"\"", "😀", "\r\n", "%00",
			"{\"a\":{\"a\":{\"a\":{\"a\":[[[[[[]]]]]]}}}}", "\"" + "x".repeat(5000) + "\"", ",", ":", "NaN", "\"P-1D\"",
			"<script>", "' OR 1=1 --");

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@BeforeEach
	void clinic() {
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
	}

	@Test
	void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
		String huge = "{\"treatmentId\":\"" + "x".repeat(3_000_000) + "\"}";
		this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(huge))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value(endsWith("/content-too-large")));
	}

	@Test
	void jsonNestedTooDeepOrWithAnEndlessNumberIsRefusedBeforeItCostsAnything(
			@Autowired tools.jackson.databind.json.JsonMapper json) throws Exception {
		// the limits are those of every reader here, Spring's and the events'
		for (tools.jackson.databind.ObjectMapper mapper : List.of(json,
				dev.medspa.support.messaging.EventJson.MAPPER)) {
			assertThat(mapper.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(32);
			assertThat(mapper.tokenStreamFactory().streamReadConstraints().getMaxNumberLength()).isEqualTo(64);
		}
		String deep = "{\"client\":" + "[".repeat(40) + "]".repeat(40) + "}";
		this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(deep))
			.andExpect(status().isBadRequest());
		String longNumber = "{\"treatmentId\":" + "9".repeat(200) + "}";
		this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(longNumber))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anAvailabilitySearchCostsAtMostItsLocationDays() throws Exception {
		this.catalog.apply(CatalogFixtures.scottsdale(1));
		String from = java.time.LocalDate.now(ZONE).plusDays(1).toString();
		// two locations: 20 days are 40 location-days, 21 are too many
		this.mvc
			.perform(get("/api/availability").param("treatment", CatalogFixtures.CONSULTATION)
				.param("from", from)
				.param("to", java.time.LocalDate.parse(from).plusDays(19).toString()))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/availability").param("treatment", CatalogFixtures.CONSULTATION)
				.param("from", from)
				.param("to", java.time.LocalDate.parse(from).plusDays(20).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("location-days")));
		this.mvc
			.perform(get("/api/availability").param("treatment", CatalogFixtures.CONSULTATION)
				.param("location", CatalogFixtures.WALNUT_CREEK)
				.param("from", from)
				.param("to", java.time.LocalDate.parse(from).plusDays(30).toString()))
			.andExpect(status().isOk());
	}

	@Test
	void aNameWithALineBreakIsRefusedNamingTheField() throws Exception {
		String body = BookingApiTest
			.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, start(), "crlf@example.com")
			.replace("Ana Gomez", "Ana\\r\\nBcc: evil@example.com");
		this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("client.name"));
	}

	@Test
	void tenThousandGarbledRequestsToThePublicApiNeverGetA5xx() throws Exception {
		Random random = new Random(20261130);
		String booking = BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, start(),
				"fuzz@example.com");
		String hold = "{\"treatmentId\":\"" + CatalogFixtures.CONSULTATION + "\",\"locationId\":\""
				+ CatalogFixtures.WALNUT_CREEK + "\",\"start\":\"" + start() + "\"}";
		String move = "{\"start\":\"" + start() + "\",\"practitionerId\":\"maya-chen\"}";
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			MockHttpServletRequestBuilder request = switch (i % 5) {
				case 0 ->
					post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(garble(booking, random));
				case 1 -> post("/api/holds").contentType(MediaType.APPLICATION_JSON).content(garble(hold, random));
				case 2 -> post("/api/manage/{t}/reschedule", garble("abc.def", random))
					.contentType(MediaType.APPLICATION_JSON)
					.content(garble(move, random));
				case 3 -> get("/api/availability").param("treatment", garble(CatalogFixtures.CONSULTATION, random))
					.param("location", garble("any", random))
					.param("from", garble(LocalDate.now(ZONE).toString(), random))
					.param("to", garble(LocalDate.now(ZONE).plusDays(3).toString(), random));
				default -> get("/api/availability/days").param("treatment", garble("microneedling", random))
					.param("location", garble(CatalogFixtures.WALNUT_CREEK, random))
					.param("from", garble(LocalDate.now(ZONE).toString(), random));
			};
			int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
			if (status >= 500 && failures.size() < 10) {
				failures.add(status + " for request " + i);
			}
		}
		assertThat(failures).isEmpty();
	}

	/** The text with a few random cuts, insertions and swaps. */
	private static String garble(String text, Random random) {
		StringBuilder garbled = new StringBuilder(text);
		int changes = 1 + random.nextInt(3);
		for (int c = 0; c < changes; c++) {
			int at = garbled.isEmpty() ? 0 : random.nextInt(garbled.length());
			switch (random.nextInt(4)) {
				case 0 -> {
					if (!garbled.isEmpty()) {
						garbled.deleteCharAt(at);
					}
				}
				case 1 -> garbled.insert(at, NASTY.get(random.nextInt(NASTY.size())));
				case 2 -> garbled.insert(at, (char) random.nextInt(0x3000));
				default -> {
					int end = Math.min(garbled.length(), at + random.nextInt(12));
					garbled.replace(at, end, NASTY.get(random.nextInt(NASTY.size())));
				}
			}
		}
		return garbled.toString();
	}

	private static String start() {
		return LocalDate.now(ZONE).plusDays(12).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
	}

}
