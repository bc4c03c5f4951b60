package dev.medspa.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.medspa.infrastructure.FreePort;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's promise, tested on the real launcher: kill the running platform with
 * {@code kill -9} right after a booking, start it again, and no booking and no event is
 * lost, and nothing already sent is sent again.
 */
class PlatformRestartIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path home;

	private final List<Process> launchers = new ArrayList<>();

	private final Map<String, String> ports = Map.of("KAFKA_PORT", free(), "KAFKA_CONTROLLER_PORT", free(),
			"MONGODB_PORT", free(), "SMTP_PORT", free(), "IMAP_PORT", free(), "GATEWAY_PORT", free(), "CATALOG_PORT",
			free(), "BOOKING_PORT", free(), "NOTIFICATION_PORT", free());

	private final List<String> output = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void stopLaunchers() throws InterruptedException {
		for (Process launcher : this.launchers) {
			launcher.destroy();
			launcher.waitFor(60, TimeUnit.SECONDS);
		}
	}

	@Test
	void aKilledPlatformComesBackWithEveryBookingAndEveryEvent() throws Exception {
		Process first = startLauncher();
		String booked = book("before-kill@example.com", 10);
		await().atMost(Duration.ofSeconds(60)).until(() -> mailFiles("before-kill@example.com") == 1);

		String lastMinute = book("at-kill@example.com", 11);
		first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

		startLauncher();
		assertThat(this.output).anyMatch(line -> line.contains("Stopped what an earlier run left behind"));
		assertThat(staffGet("/api/staff/bookings/" + booked).statusCode()).isEqualTo(200);
		assertThat(staffGet("/api/staff/bookings/" + lastMinute).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60)).until(() -> bookingEventKeys().contains(lastMinute));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> mailFiles("before-kill@example.com") == 1);
	}

	private Process startLauncher() throws IOException {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), LocalPlatform.class.getName())
			.redirectErrorStream(true);
		builder.environment().putAll(this.ports);
		builder.environment().put("MEDSPA_HOME", this.home.toString());
		builder.environment()
			.put("SERVICES_DIR",
					Path.of(System.getProperty("services.dir", "target/services")).toAbsolutePath().toString());
		Process launcher = builder.start();
		this.launchers.add(launcher);
		this.output.clear();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					this.output.add(line);
				}
			}
			catch (IOException ex) {
				// the launcher is gone
			}
		}, "launcher-output");
		reader.setDaemon(true);
		reader.start();
		await().atMost(Duration.ofMinutes(4)).until(() -> {
			assertThat(launcher.isAlive())
				.as(() -> "launcher output: " + this.output + "\nservice logs:\n" + logTails())
				.isTrue();
			return this.output.stream().anyMatch(line -> line.contains("platform is running"));
		});
		return launcher;
	}

	/** The last lines of every service's log, to tell why one stopped. */
	private String logTails() {
		StringBuilder tails = new StringBuilder();
		try (var logs = java.nio.file.Files.list(this.home.resolve("logs"))) {
			for (Path log : logs.sorted().toList()) {
				List<String> lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
				tails.append("== ").append(log.getFileName()).append('\n');
				lines.subList(Math.max(0, lines.size() - 40), lines.size())
					.forEach(line -> tails.append(line).append('\n'));
			}
		}
		catch (IOException | RuntimeException ex) {
			tails.append("(logs unreadable: ").append(ex).append(')');
		}
		return tails.toString();
	}

	private String book(String email, int hour) {
		String start = PlatformEndToEndIT.nextWeekday(ZonedDateTime.now(ZoneId.of("America/Los_Angeles")).plusDays(7))
			.withHour(hour)
			.withMinute(0)
			.withSecond(0)
			.withNano(0)
			.toOffsetDateTime()
			.toString();
		String body = """
				{"treatmentId":"microneedling-consultation","locationId":"walnut-creek","start":"%s",
				 "client":{"name":"Ana Gomez","email":"%s","phone":"+1 925 555 0199"}}
				""".formatted(start, email);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.ports.get("BOOKING_PORT") + "/api/bookings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		String[] id = new String[1];
		// the booking service answers 422 until its catalog copy has arrived from Kafka
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				return false;
			}
			id[0] = response.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*$", "$1");
			return true;
		});
		return id[0];
	}

	private HttpResponse<String> staffGet(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.ports.get("BOOKING_PORT") + path))
			.header("Authorization",
					"Bearer " + InstallationTokens.owner(this.home.resolve("keys/signing-key.json"),
							"http://127.0.0.1:" + this.ports.get("GATEWAY_PORT")))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<String> bookingEventKeys() {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + this.ports.get("KAFKA_PORT"),
						ConsumerConfig.GROUP_ID_CONFIG, "restart-check-" + System.nanoTime(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("booking.events.v1"));
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				consumer.poll(Duration.ofMillis(300)).forEach(record -> keys.add(record.key()));
			}
			return keys;
		}
	}

	private long mailFiles(String recipient) throws IOException {
		Path mail = this.home.resolve("mail");
		if (!Files.isDirectory(mail)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(mail)) {
			return files.filter(file -> file.getFileName().toString().endsWith(recipient + ".eml")).count();
		}
	}

	private static String free() {
		return String.valueOf(FreePort.find());
	}

}
