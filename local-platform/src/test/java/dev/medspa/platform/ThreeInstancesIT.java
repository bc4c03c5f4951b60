package dev.medspa.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R7: three instances of every service on one store and one broker behind the gateway,
 * with bookings spread over the three booking-services (a third through the gateway) and
 * one slot raced for through all three at once. One winner for the slot, no practitioner
 * booked twice, every client mailed exactly once although three dispatchers, with their
 * schedulers, look at the same due messages, and the confirmations the three
 * notification-services count add up to one per booking. Then one booking-service
 * instance is killed, and bookings through the gateway go on: it leaves the dead instance
 * out.
 */
@Tag("fault")
class ThreeInstancesIT {

	private static final int INSTANCES = 3;

	private static final int BOOKINGS = 150;

	/** Booked through the gateway after one booking-service instance died. */
	private static final int AFTER_THE_KILL = 30;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path home;

	private static PackagedPlatform platform;

	@BeforeAll
	static void start() {
		platform = new PackagedPlatform(home, Map.of(), INSTANCES);
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void threeOfEachBookEachSlotOnceAndMailEachClientOnce() throws Exception {
		List<String> bookingServices = platform.instances("booking-service");
		assertThat(bookingServices).hasSize(INSTANCES);
		List<DemoSlots.Slot> slots = DemoSlots.awaitFree(bookingServices.get(INSTANCES - 1),
				BOOKINGS + 1 + AFTER_THE_KILL);
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> clients = new ArrayList<>();
		ExecutorService senders = Executors.newFixedThreadPool(8);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < BOOKINGS; i++) {
			String email = "three-" + run + "-" + i + "@example.com";
			clients.add(email);
			// two in three straight to an instance, one in three through the gateway
			String service = i % INSTANCES == 0 ? platform.site() : bookingServices.get(i % INSTANCES);
			DemoSlots.Slot slot = slots.get(i);
			answers.add(senders
				.submit(() -> PlatformCalls.post(service + "/api/bookings", DemoSlots.request(slot, email))));
		}
		for (Future<HttpResponse<String>> answer : answers) {
			assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
		}

		// one slot, thirty clients at once, ten through each instance
		DemoSlots.Slot contested = slots.get(BOOKINGS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> race = new ArrayList<>();
		List<String> racers = new ArrayList<>();
		ExecutorService racing = Executors.newFixedThreadPool(30);
		for (int i = 0; i < 30; i++) {
			String email = "racer-" + run + "-" + i + "@example.com";
			racers.add(email);
			String service = bookingServices.get(i % INSTANCES);
			race.add(racing.submit(() -> {
				go.await();
				return PlatformCalls.post(service + "/api/bookings", DemoSlots.request(contested, email));
			}));
		}
		go.countDown();
		int won = 0;
		for (Future<HttpResponse<String>> answer : race) {
			int status = answer.get().statusCode();
			assertThat(status).as(answer.get().body()).isIn(201, 409);
			won += status == 201 ? 1 : 0;
		}
		assertThat(won).as("winners of one slot").isEqualTo(1);
		racing.shutdown();

		// one booking-service instance dies; the gateway leaves it out and keeps booking
		platform.killInstance("booking-service", 1);
		// the gateway has left it out once a round of calls through it all succeed
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> java.util.stream.IntStream.range(0, 2 * INSTANCES)
				.allMatch(call -> availabilityAnswers(platform.site())));
		answers.clear();
		for (int i = 0; i < AFTER_THE_KILL; i++) {
			String email = "after-" + run + "-" + i + "@example.com";
			clients.add(email);
			DemoSlots.Slot slot = slots.get(BOOKINGS + 1 + i);
			answers.add(senders
				.submit(() -> PlatformCalls.post(platform.site() + "/api/bookings", DemoSlots.request(slot, email))));
		}
		for (Future<HttpResponse<String>> answer : answers) {
			assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
		}
		senders.shutdown();

		List<String> everyone = new ArrayList<>(clients);
		everyone.addAll(racers);
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> everyone.stream().mapToInt(email -> PlatformCalls.mailTo(email).size()).sum() >= clients.size()
					+ 1);
		// and it stays so for a while: no confirmation comes twice
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			for (String email : clients) {
				assertThat(PlatformCalls.mailTo(email)).as("confirmations to " + email).hasSize(1);
			}
			assertThat(racers.stream().mapToInt(email -> PlatformCalls.mailTo(email).size()).sum())
				.as("confirmations to racers")
				.isEqualTo(1);
		});

		double sent = 0;
		for (String notification : platform.instances("notification-service")) {
			sent += PlatformCalls.metric(notification, platform.scrapePassword(), "medspa_messages_total",
					"outcome=\"sent\"", "step=\"confirmation\"");
		}
		assertThat(sent).as("confirmations the three notification-services sent, together")
			.isEqualTo(clients.size() + 1);
		assertNoPractitionerTwiceAtOnce(slots);
	}

	private static boolean availabilityAnswers(String site) {
		try {
			return PlatformCalls
				.get(site + "/api/availability?treatment=microneedling-consultation&location=" + "walnut-creek&from="
						+ java.time.LocalDate.now().plusDays(2) + "&to=" + java.time.LocalDate.now().plusDays(3))
				.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static void assertNoPractitionerTwiceAtOnce(List<DemoSlots.Slot> slots) throws Exception {
		String token = InstallationTokens.token(platform.signingKeyFile(), platform.site(), "OWNER", List.of(),
				claims -> {
				});
		Set<String> days = new HashSet<>();
		slots.forEach(slot -> days.add(slot.locationId() + "/" + slot.day()));
		Set<String> taken = new HashSet<>();
		for (String day : days) {
			HttpResponse<String> sheet = HTTP.send(HttpRequest
				.newBuilder(URI.create(platform.service("booking-service") + "/api/staff/day-sheets/" + day))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
			for (JsonNode booked : JSON.readTree(sheet.body()).get("bookings")) {
				assertThat(taken.add(booked.get("practitionerId").asString() + "@" + booked.get("start").asString()))
					.as("a practitioner booked twice at one time")
					.isTrue();
			}
		}
	}

}
