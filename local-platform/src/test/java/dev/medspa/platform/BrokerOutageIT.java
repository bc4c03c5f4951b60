package dev.medspa.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * R5: the broker is down while clients book. Every booking is accepted (the outbox keeps
 * its event; nothing a booking needs is in Kafka), the backlog shows in the metrics while
 * the outage lasts, and after the broker is back every client gets exactly one
 * confirmation. The packaged services run as processes; this test has a broker of its
 * own, which it stops and starts again on the same data and port.
 */
@Tag("fault")
class BrokerOutageIT {

	private static final int BOOKINGS = Integer.getInteger("outage.bookings", 1000);

	private static final Duration OUTAGE_AT_LEAST = Duration.ofSeconds(30);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

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
	void bookingsMadeWhileTheBrokerIsDownAreEachConfirmedOnceAfterItReturns() throws Exception {
		String booking = platform.service("booking-service");
		List<DemoSlots.Slot> starts = DemoSlots.awaitFree(booking, BOOKINGS);

		broker.stop();
		long down = System.nanoTime();
		Map<String, String> confirmed = new ConcurrentHashMap<>();
		List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < BOOKINGS; i++) {
				DemoSlots.Slot slot = starts.get(i);
				String email = "outage-" + i + "-" + UUID.randomUUID() + "@example.com";
				sent.add(clients.submit(() -> {
					HttpResponse<String> response = PlatformCalls.post(booking + "/api/bookings",
							DemoSlots.request(slot, email));
					if (response.statusCode() == 201) {
						confirmed.put(JSON.readTree(response.body()).get("id").asString(), email);
					}
					else {
						refused.add(response.statusCode() + " " + response.body());
					}
					return null;
				}));
			}
			for (Future<?> each : sent) {
				each.get();
			}
		}
		finally {
			clients.shutdown();
		}
		// nothing half-done: every answer is a booking or a clear refusal, and here,
		// with free slots and the store up, every one is a booking
		assertThat(refused).isEmpty();
		assertThat(confirmed).hasSize(BOOKINGS);
		assertThat(PlatformCalls.metric(booking, platform.scrapePassword(), "medspa_outbox_backlog"))
			.as("the events waiting for the broker")
			.isPositive();
		// the outage lasts at least this long, whatever the bookings took (the scenario
		// itself), and the backlog stays visible all along
		await().atMost(OUTAGE_AT_LEAST.plusSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> PlatformCalls.metric(booking, platform.scrapePassword(), "medspa_outbox_backlog") > 0
					&& Duration.ofNanos(System.nanoTime() - down).compareTo(OUTAGE_AT_LEAST) >= 0);

		broker.start();

		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(
					() -> assertThat(confirmed.values().stream().filter(email -> PlatformCalls.mailTo(email).isEmpty()))
						.as("clients still without their confirmation")
						.isEmpty());
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(PlatformCalls.metric(booking, platform.scrapePassword(), "medspa_outbox_backlog"))
						.isZero());
		// and it stays so for a while: no confirmation comes twice
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			Map<String, Integer> mails = new HashMap<>();
			for (String email : confirmed.values()) {
				mails.put(email, PlatformCalls.mailTo(email).size());
			}
			assertThat(mails.entrySet().stream().filter(entry -> entry.getValue() != 1))
				.as("clients mailed other than once")
				.isEmpty();
		});
		Set<String> slots = new HashSet<>();
		for (String id : confirmed.keySet()) {
			JsonNode stored = JSON.readTree(get(booking + "/api/staff/bookings/" + id, ownerToken()).body());
			assertThat(slots.add(stored.get("practitionerId").asString() + "@" + stored.get("start").asString()))
				.as("a practitioner booked twice at one time")
				.isTrue();
		}
	}

	private static String ownerToken() throws Exception {
		return InstallationTokens.token(platform.signingKeyFile(), platform.site(), "OWNER", List.of(), claims -> {
		});
	}

	private static HttpResponse<String> get(String url, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
