package dev.medspa.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 * R4: booking-service is killed with SIGKILL under load, at a moment when bookings are
 * written but their events not yet published (the broker is down then, so some surely
 * are). Clients retry with their {@code Idempotency-Key} until they get an answer, as a
 * well-behaved client does. After the restart, the reconciliation: every stored booking
 * has exactly one confirmation accepted by SMTP, every confirmation belongs to a stored
 * booking, every client that was told "booked" has that booking, nobody has two, and no
 * practitioner is booked twice at one time.
 */
@Tag("fault")
class BookingServiceCrashIT {

	private static final int BOOKINGS = 300;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path home;

	private static PackagedPlatform platform;

	private static RestartableBroker broker;

	@BeforeAll
	static void start() {
		broker = new RestartableBroker(home.resolve("kafka"));
		platform = new PackagedPlatform(home, Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	void aKillBetweenWritesAndTheirPublicationLosesNothingAndDuplicatesNothing() throws Exception {
		String booking = platform.service("booking-service");
		List<DemoSlots.Slot> slots = DemoSlots.awaitFree(booking, BOOKINGS);
		String run = UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> toldBooked = new ConcurrentHashMap<>();
		AtomicInteger answered = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		List<Future<?>> sent = new java.util.ArrayList<>();
		for (int i = 0; i < BOOKINGS; i++) {
			DemoSlots.Slot slot = slots.get(i);
			String email = "crash-" + run + "-" + i + "@example.com";
			sent.add(clients.submit(() -> {
				bookWithRetries(booking, slot, email).ifPresent(id -> toldBooked.put(email, id));
				answered.incrementAndGet();
				return null;
			}));
		}
		// a third in: the broker goes, so what is written from now on waits in outboxes
		await().atMost(Duration.ofMinutes(2)).until(() -> answered.get() >= BOOKINGS / 3);
		broker.stop();
		// two thirds in: the service is killed mid-flight, with events still unpublished
		await().atMost(Duration.ofMinutes(2)).until(() -> answered.get() >= 2 * BOOKINGS / 3);
		platform.kill("booking-service");
		broker.start();
		platform.restart("booking-service");
		for (Future<?> each : sent) {
			each.get();
		}
		clients.shutdown();

		// the reconciliation, once the pipeline has settled
		Map<String, List<String>> stored = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(3))
			.until(() -> storedBookings(booking, slots, run),
					bookings -> bookings.keySet().stream().allMatch(email -> !PlatformCalls.mailTo(email).isEmpty()));
		Set<String> mailed = new HashSet<>();
		// and it stays so for a while: no confirmation comes twice
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			mailed.clear();
			for (int i = 0; i < BOOKINGS; i++) {
				String email = "crash-" + run + "-" + i + "@example.com";
				int mails = PlatformCalls.mailTo(email).size();
				assertThat(mails).as("confirmations to " + email).isLessThanOrEqualTo(1);
				if (mails == 1) {
					mailed.add(email);
				}
			}
		});
		assertThat(stored.values()).as("clients with more than one booking").allMatch(ids -> ids.size() == 1);
		assertThat(mailed).as("confirmed bookings and confirmations accepted by SMTP").isEqualTo(stored.keySet());
		toldBooked.forEach((email, id) -> assertThat(stored.get(email)).as(email).containsExactly(id));
		assertThat(toldBooked.size()).as("clients told they are booked").isGreaterThan(BOOKINGS / 2);
	}

	/**
	 * Books as a client that keeps its key: on no answer, a server error or "still in
	 * progress", it asks again, for up to three minutes.
	 * @return the booking's id, or empty if refused for good
	 */
	private static java.util.Optional<String> bookWithRetries(String service, DemoSlots.Slot slot, String email)
			throws Exception {
		String key = UUID.randomUUID().toString();
		java.util.concurrent.atomic.AtomicReference<java.util.Optional<String>> answer = new java.util.concurrent.atomic.AtomicReference<>();
		// a client's pause of half a second before it asks again
		await().alias("an answer for " + email)
			.atMost(Duration.ofMinutes(3))
			.pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				ask(service, slot, email, key).ifPresent(answer::set);
				return answer.get() != null;
			});
		return answer.get();
	}

	/**
	 * One try: the booking's id, or empty if refused for good; nothing when it should ask
	 * again (no answer, a server error, or "still in progress").
	 */
	private static java.util.Optional<java.util.Optional<String>> ask(String service, DemoSlots.Slot slot, String email,
			String key) throws Exception {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/api/bookings"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(DemoSlots.request(slot, email)))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 201 || response.statusCode() == 200) {
				return java.util.Optional
					.of(java.util.Optional.of(JSON.readTree(response.body()).get("id").asString()));
			}
			if (response.statusCode() < 500 && !response.body().contains("request-in-progress")) {
				return java.util.Optional.of(java.util.Optional.empty());
			}
		}
		catch (IOException ex) {
			// the service is down: ask again
		}
		return java.util.Optional.empty();
	}

	/**
	 * The confirmed bookings of this run's clients, by client, read from the day sheets.
	 */
	private static Map<String, List<String>> storedBookings(String service, List<DemoSlots.Slot> slots, String run)
			throws Exception {
		String token = InstallationTokens.token(platform.signingKeyFile(), platform.site(), "OWNER", List.of(),
				claims -> {
				});
		Set<String> days = new HashSet<>();
		slots.forEach(slot -> days.add(slot.locationId() + "/" + slot.day()));
		Map<String, List<String>> byClient = new HashMap<>();
		Set<String> taken = new HashSet<>();
		for (String day : days) {
			HttpResponse<String> sheet = HTTP
				.send(HttpRequest.newBuilder(URI.create(service + "/api/staff/day-sheets/" + day))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(sheet.statusCode()).as(sheet.body()).isEqualTo(200);
			for (JsonNode booked : JSON.readTree(sheet.body()).get("bookings")) {
				String email = booked.get("client").get("email").asString();
				if (email.startsWith("crash-" + run) && booked.get("status").asString().equals("CONFIRMED")) {
					byClient.computeIfAbsent(email, key -> new java.util.ArrayList<>())
						.add(booked.get("id").asString());
					assertThat(
							taken.add(booked.get("practitionerId").asString() + "@" + booked.get("start").asString()))
						.as("a practitioner booked twice at one time")
						.isTrue();
				}
			}
		}
		return byClient;
	}

}
