package dev.medspa.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.support.Refusal;
import dev.medspa.support.limits.Limits;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each client limit stops the client who exceeds it, with 429, a problem detail and
 * {@code Retry-After}, while another client carries on. Limits are low here to be reached
 * quickly.
 */
@SpringBootTest(
		properties = { "medspa.limits.holds-per-address-per-minute=3", "medspa.limits.bookings-per-address-per-hour=6",
				"medspa.limits.bookings-per-email-per-day=2", "medspa.limits.bookings-per-phone-per-day=3",
				"medspa.limits.manage-misses-per-address-per-minute=4", "medspa.limits.moves-per-booking=2" })
@AutoConfigureMockMvc
@LocalInfrastructure
class LimitsTest {

	private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

	private static final AtomicInteger HOUR = new AtomicInteger(7);

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@Autowired
	Limits limits;

	@BeforeEach
	void clinic() {
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
	}

	@Test
	void aLimitLetsNoMoreThroughThanItAllowsWhenManyTakeAtOnce() throws Exception {
		String key = "race-" + System.nanoTime();
		Limits.Take one = new Limits.Take("race", key, 5, Duration.ofHours(1), "races");
		Limits.Take other = new Limits.Take("race-other", key, 1000, Duration.ofHours(1), "races");
		List<Callable<Boolean>> takers = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			boolean single = i % 2 == 0;
			takers.add(() -> {
				try {
					if (single) {
						this.limits.take(one.name(), one.key(), one.limit(), one.window(), one.what());
					}
					else {
						this.limits.take(List.of(other, one));
					}
					return true;
				}
				catch (Refusal refused) {
					return false;
				}
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			long through = 0;
			for (Future<Boolean> taken : pool.invokeAll(takers)) {
				through += taken.get() ? 1 : 0;
			}
			assertThat(through).isPositive().isLessThanOrEqualTo(5);
		}
		finally {
			pool.shutdown();
		}
		assertThatThrownBy(() -> this.limits.take(List.of(other, one))).isInstanceOf(Refusal.class);
		this.limits
			.take(List.of(other, new Limits.Take("race", key + "-someone-else", 5, Duration.ofHours(1), "races")));
	}

	@Test
	void holdsArePerAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			hold(from("10.0.0.1")).andExpect(status().isCreated());
		}
		tooMany(hold(from("10.0.0.1")));
		hold(from("10.0.0.2")).andExpect(status().isCreated());
	}

	@Test
	void bookingsArePerEmailAndPerPhone() throws Exception {
		book("twice@example.com", "+1 925 555 0101", from("10.0.1.1")).andExpect(status().isCreated());
		book("twice@example.com", "+1 925 555 0102", from("10.0.1.2")).andExpect(status().isCreated());
		tooMany(book("TWICE@example.com", "+1 925 555 0103", from("10.0.1.3")))
			.andExpect(jsonPath("$.detail").value(containsString("e-mail address")));
		book("other@example.com", "+1 925 555 0104", from("10.0.1.3")).andExpect(status().isCreated());

		for (int i = 0; i < 3; i++) {
			book("phone" + i + "@example.com", "+1 925 555 0199", from("10.0.2." + i)).andExpect(status().isCreated());
		}
		tooMany(book("phone9@example.com", "+1 (925) 555-0199", from("10.0.2.9")))
			.andExpect(jsonPath("$.detail").value(containsString("phone number")));
	}

	@Test
	void guessingManageLinksIsStoppedPerAddressWhileARealLinkStillOpens() throws Exception {
		String token = manageToken(book("owner-of-link@example.com", "+1 925 555 0120", from("10.0.3.1")));
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(get("/api/manage/{t}", "guess-" + i).with(from("10.0.3.66")))
				.andExpect(status().isNotFound());
		}
		tooMany(this.mvc.perform(get("/api/manage/{t}", "guess-x").with(from("10.0.3.66"))));
		this.mvc.perform(get("/api/manage/{t}", token).with(from("10.0.3.1"))).andExpect(status().isOk());
	}

	@Test
	void aClientMovesABookingOnlineAFewTimes() throws Exception {
		String token = manageToken(book("mover@example.com", "+1 925 555 0130", from("10.0.4.1")));
		LocalDate day = LocalDate.now(ZONE).plusDays(20);
		for (int hour : List.of(9, 10)) {
			move(token, day, hour).andExpect(status().isOk());
		}
		tooMany(move(token, day, 11));
	}

	@Test
	void addressesBehindTheGatewayAreTheOnesItSaw() throws Exception {
		// a caller cannot pass for another by sending its own X-Forwarded-For first: the
		// gateway's entry, the last, counts
		for (int i = 0; i < 3; i++) {
			hold(forwarded("1.2.3." + i + ", 10.0.5.1")).andExpect(status().isCreated());
		}
		tooMany(hold(forwarded("9.9.9.9, 10.0.5.1")));
	}

	private ResultActions move(String token, LocalDate day, int hour) throws Exception {
		return this.mvc.perform(post("/api/manage/{t}/reschedule", token).with(from("10.0.4.1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + iso(day, hour) + "\"}"));
	}

	private static ResultActions tooMany(ResultActions result) throws Exception {
		return result.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.type").value(endsWith("/too-many-requests")))
			.andExpect(jsonPath("$.retryAfterSeconds").isNumber());
	}

	private ResultActions hold(RequestPostProcessor from) throws Exception {
		return this.mvc.perform(post("/api/holds").with(from)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"treatmentId\":\"%s\",\"locationId\":\"%s\",\"start\":\"%s\"}"
				.formatted(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, nextStart())));
	}

	private ResultActions book(String email, String phone, RequestPostProcessor from) throws Exception {
		return this.mvc.perform(post("/api/bookings").with(from).contentType(MediaType.APPLICATION_JSON).content("""
				{"treatmentId":"%s","locationId":"%s","start":"%s",
				 "client":{"name":"Lee","email":"%s","phone":"%s"}}
				""".formatted(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, nextStart(), email, phone)));
	}

	private static String manageToken(ResultActions booked) throws Exception {
		return JsonPath.read(booked.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.manage.token");
	}

	/** A start of its own for every request, so none collides with another. */
	private static String nextStart() {
		int slot = HOUR.getAndIncrement();
		return iso(LocalDate.now(ZONE).plusDays(10 + slot / 12), 8 + slot % 12);
	}

	private static String iso(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static RequestPostProcessor forwarded(String chain) {
		return request -> {
			request.addHeader("X-Forwarded-For", chain);
			return request;
		};
	}

}
