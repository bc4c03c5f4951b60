package dev.medspa.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.support.links.EmailCodes;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A stranger who types a client's e-mail address while booking a treatment whose rules
 * read the history learns nothing about that client: not in the status, not in the body,
 * not in how long the answer takes. Only the reader of the address, with the code sent to
 * it, hears what the rules say.
 */
@SpringBootTest(properties = "medspa.limits.email-code-attempts-per-email-per-hour=4")
@AutoConfigureMockMvc
@LocalInfrastructure
@Import(NoOracleTest.Time.class)
class NoOracleTest {

	private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	private static final LocalDate DAY = LocalDate.of(2027, 2, 1);

	private static final String VICTIM = "victim@example.com";

	private static final String NOBODY = "nobody-yet@example.com";

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

	@Test
	void aStrangerWithAClientsAddressLearnsNothingAndTheClientWithTheCodeLearnsTheRule() throws Exception {
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
		CatalogFixtures.microneedlingWithItsRules(this.catalog);
		// the victim had a session (completed, so consulted) and has the next one booked
		String first = staffBook(at(DAY, 9, 0));
		this.clock.set(at(DAY, 8, 55).toInstant());
		staff(first, "check-in");
		this.clock.set(at(DAY, 9, 50).toInstant());
		staff(first, "complete");
		staffBook(at(DAY.plusDays(28), 9, 0));
		ZonedDateTime tooSoon = at(DAY.plusDays(35), 9, 0);

		// without a code, and with a wrong one, the victim's address and a new one get
		// the
		// same answer
		MockHttpServletResponse victimNoCode = book(tooSoon, VICTIM, null);
		MockHttpServletResponse nobodyNoCode = book(tooSoon, NOBODY, null);
		assertThat(victimNoCode.getStatus()).isEqualTo(422).isEqualTo(nobodyNoCode.getStatus());
		assertThat(victimNoCode.getContentAsString()).isEqualTo(nobodyNoCode.getContentAsString())
			.contains("email-code-required")
			.doesNotContain(DAY.plusDays(28).toString());
		MockHttpServletResponse victimWrong = book(tooSoon, VICTIM, wrongCode(VICTIM));
		MockHttpServletResponse nobodyWrong = book(tooSoon, NOBODY, wrongCode(NOBODY));
		assertThat(victimWrong.getStatus()).isEqualTo(422).isEqualTo(nobodyWrong.getStatus());
		assertThat(victimWrong.getContentAsString()).isEqualTo(nobodyWrong.getContentAsString())
			.contains("email-code-invalid");

		// nor does the time taken set them apart: the refusal comes before any history is
		// read (medians of interleaved runs; a history read and a rule check would be
		// extra work on one side only)
		List<Long> victimNanos = new ArrayList<>();
		List<Long> nobodyNanos = new ArrayList<>();
		for (int i = 0; i < 41; i++) {
			victimNanos.add(timed(tooSoon, VICTIM));
			nobodyNanos.add(timed(tooSoon, NOBODY));
		}
		double ratio = (double) median(victimNanos) / median(nobodyNanos);
		assertThat(ratio).as("median time, victim's address over a new one").isBetween(0.5, 2.0);

		// the reader of the address, with the code, is told what the rules say
		assertThat(book(tooSoon, VICTIM, this.codes.code(VICTIM, this.clock.instant())).getContentAsString())
			.contains("series-spacing")
			.contains(DAY.plusDays(28).toString());
		assertThat(book(tooSoon, NOBODY, this.codes.code(NOBODY, this.clock.instant())).getContentAsString())
			.contains("consultation-required");
	}

	@Test
	void guessingCodesForOneAddressStopsAfterAFewTriesEvenForTheRightCode() throws Exception {
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
		CatalogFixtures.microneedlingWithItsRules(this.catalog);
		String target = "guessed@example.com";
		ZonedDateTime start = at(DAY.plusDays(2), 10, 0);
		for (int i = 0; i < 4; i++) {
			assertThat(book(start, target, wrongCode(target)).getStatus()).isEqualTo(422);
		}
		MockHttpServletResponse refused = book(start, target, this.codes.code(target, this.clock.instant()));
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isNotBlank();
		// another address is not held back by it
		assertThat(book(start, "someone-else@example.com",
				this.codes.code("someone-else@example.com", this.clock.instant()))
			.getContentAsString()).contains("consultation-required");
	}

	private String wrongCode(String email) {
		int right = Integer.parseInt(this.codes.code(email, this.clock.instant()));
		return String.format("%06d", (right + 1) % 1_000_000);
	}

	private long timed(ZonedDateTime start, String email) throws Exception {
		long began = System.nanoTime();
		book(start, email, null);
		return System.nanoTime() - began;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private MockHttpServletResponse book(ZonedDateTime start, String email, String code) throws Exception {
		String request = BookingApiTest.request("microneedling", CatalogFixtures.WALNUT_CREEK, iso(start), email);
		if (code != null) {
			request = request.replaceFirst("\\{", "{\"emailCode\":\"" + code + "\",");
		}
		return this.mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(request))
			.andReturn()
			.getResponse();
	}

	private String staffBook(ZonedDateTime start) throws Exception {
		String body = this.mvc
			.perform(post("/api/staff/bookings?overrideReason=Consulted elsewhere").with(Staff.owner())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request("microneedling", CatalogFixtures.WALNUT_CREEK, iso(start), VICTIM)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private void staff(String id, String action) throws Exception {
		this.mvc.perform(post("/api/staff/bookings/" + id + "/" + action).with(Staff.owner()))
			.andExpect(status().isOk());
	}

	private static ZonedDateTime at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(LA);
	}

	private static String iso(ZonedDateTime time) {
		return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
