package dev.medspa.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway and the three services as they ship, each its own process from its
 * executable jar, against one real broker, store and SMTP server: a client books the demo
 * micro-needling consultation through the gateway's API and gets the confirmation e-mail.
 */
class PlatformEndToEndIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	static Path home;

	private static PackagedPlatform platform;

	private static OtlpReceiver traces;

	@BeforeAll
	static void startServices() throws Exception {
		traces = new OtlpReceiver();
		platform = new PackagedPlatform(home,
				Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.endpoint()));
	}

	@AfterAll
	static void stopServices() {
		platform.close();
		traces.close();
	}

	@Test
	void aClientBooksTheDemoConsultationAndReceivesTheConfirmationInLocalTime() throws Exception {
		assertThat(PlatformCalls.get(platform.site() + "/api/treatments/microneedling-consultation").statusCode())
			.isEqualTo(200);

		ZonedDateTime start = nextWeekday(ZonedDateTime.now(ZoneId.of("America/Los_Angeles")).plusDays(10)).withHour(10)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
		String email = "e2e-" + UUID.randomUUID() + "@example.com";
		String body = """
				{"treatmentId":"microneedling-consultation","locationId":"walnut-creek","start":"%s",
				 "client":{"name":"Ana Gomez","email":"%s","phone":"+1 925 555 0199"}}
				""".formatted(start.toOffsetDateTime(), email);

		// booking-service answers from its own copy of the catalog, which fills from
		// Kafka shortly after start
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(PlatformCalls.post(platform.site() + "/api/bookings", body).statusCode())
				.isEqualTo(201));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(PlatformCalls.mailTo(email)).hasSize(1));
		MimeMessage mail = PlatformCalls.mailTo(email).get(0);
		String expectedWhen = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a zzz", Locale.US)
			.format(start);
		assertThat(plainText(mail)).contains("Micro-needling consultation")
			.contains("Walnut Creek, 1480 Locust Street")
			.contains(expectedWhen + " (America/Los_Angeles)");

		// the whole flow, a code asked for and a refused booking included, leaves the
		// client's address and phone number in no service's log
		assertThat(
				PlatformCalls.post(platform.site() + "/api/email-codes", "{\"email\":\"" + email + "\"}").statusCode())
			.isEqualTo(202);
		assertThat(PlatformCalls.post(platform.site() + "/api/bookings", body).statusCode()).isEqualTo(409);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(PlatformCalls.mailTo(email)).hasSize(2));
		try (var logs = java.nio.file.Files.list(home.resolve("logs"))) {
			for (Path log : logs.toList()) {
				String text = java.nio.file.Files.readString(log);
				// one JSON object a line, as a log collector reads them
				assertThat(text.lines().filter(line -> !line.isBlank())).as(log.getFileName().toString())
					.allMatch(line -> line.startsWith("{\"@timestamp\"") && line.endsWith("}"));
				assertThat(text).as(log.getFileName().toString())
					.isNotEmpty()
					.doesNotContain(email)
					.doesNotContain("925 555 0199")
					.doesNotContain("+19255550199");
			}
		}
	}

	@Test
	void operatorsScrapeEveryServiceWithTheInstallationPasswordOnly() throws Exception {
		String credentials = "Basic " + java.util.Base64.getEncoder()
			.encodeToString(
					("prometheus:" + platform.scrapePassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		for (String service : List.of("gateway", "catalog-service", "booking-service", "notification-service")) {
			String base = service.equals("gateway") ? platform.site() : platform.service(service);
			assertThat(PlatformCalls.get(base + "/actuator/prometheus").statusCode()).as(service).isEqualTo(401);
			HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
				.header("Authorization", credentials)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(scrape.statusCode()).as(service).isEqualTo(200);
			assertThat(scrape.body()).as(service)
				.contains("application=\"" + service + "\"")
				.contains("jvm_memory_used_bytes");
			assertThat(PlatformCalls.get(base + "/actuator/health/readiness").statusCode()).as(service).isEqualTo(200);
		}
		// each consuming service's dead letters are reachable through the site, for
		// owners
		for (String service : List.of("booking-service", "notification-service")) {
			HttpResponse<String> deadLetters = PlatformCalls
				.get(platform.site() + "/api/staff/dead-letters/" + service);
			assertThat(deadLetters.statusCode()).as(service).isEqualTo(401);
			assertThat(deadLetters.body()).as(service).contains("https://medspa.dev/problems/unauthorized");
		}
	}

	@Test
	void oneBookingIsOneTraceFromTheGatewayThroughKafkaToTheMailServer() throws Exception {
		ZonedDateTime start = nextWeekday(ZonedDateTime.now(ZoneId.of("America/Los_Angeles")).plusDays(12)).withHour(11)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
		String email = "traced-" + UUID.randomUUID() + "@example.com";
		String body = """
				{"treatmentId":"microneedling-consultation","locationId":"walnut-creek","start":"%s",
				 "client":{"name":"Ana Gomez","email":"%s","phone":"+1 925 555 0199"}}
				""".formatted(start.toOffsetDateTime(), email);
		HttpResponse<String> booked = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> PlatformCalls.post(platform.site() + "/api/bookings", body),
					response -> response.statusCode() == 201);
		String id = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(booked.body())
			.get("id")
			.asString();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(PlatformCalls.mailTo(email)).hasSize(1));

		// the notification-service's log line of the booking's plan, written as it
		// consumed the event, names the trace that event brought from the request
		String traceId = await().atMost(Duration.ofSeconds(30))
			.until(() -> traceOfLogLine("notification-service", "messages for booking " + id),
					java.util.Objects::nonNull);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(traces.spans()
				.stream()
				.filter(span -> span.traceId().equals(traceId))
				.map(OtlpReceiver.ReceivedSpan::service)
				.distinct()).as(() -> "spans received: " + traces.spans())
				// intake-service reads every booking event too, to open the forms a
				// treatment asks for
				.containsExactlyInAnyOrder("gateway", "booking-service", "notification-service", "intake-service"));
	}

	/**
	 * The trace id of the first JSON log line of a service whose message contains the
	 * text.
	 */
	private static @org.jspecify.annotations.Nullable String traceOfLogLine(String service, String text)
			throws Exception {
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		for (String line : java.nio.file.Files.readAllLines(home.resolve("logs").resolve(service + ".log"))) {
			if (line.startsWith("{") && line.contains(text)) {
				var node = json.readTree(line);
				return node.has("traceId") ? node.get("traceId").asString() : null;
			}
		}
		return null;
	}

	@Test
	void theDemoScheduleMakesAvailabilityAnswerAtAllThreeLocations() throws Exception {
		String from = java.time.LocalDate.now().plusDays(1).toString();
		String to = java.time.LocalDate.now().plusDays(14).toString();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			HttpResponse<String> response = PlatformCalls.get(platform.site()
					+ "/api/availability?treatment=microneedling-consultation&location=any&from=" + from + "&to=" + to);
			assertThat(response.statusCode()).isEqualTo(200);
			for (String location : List.of("walnut-creek", "san-ramon", "scottsdale")) {
				assertThat(response.body()).containsPattern("\"locationId\":\"" + location
						+ "\",\"name\":\"[^\"]+\",\"zoneId\":\"[^\"]+\",\"earliest\":\"20");
			}
		});
	}

	@Test
	void badInputIsAProblemDetailNeverAServerError() throws Exception {
		HttpResponse<String> notJson = PlatformCalls.post(platform.site() + "/api/bookings", "not json");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> unknown = PlatformCalls.get(platform.site() + "/api/treatments/nothing-like-this");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("\"type\":\"https://medspa.dev/problems/not-found\"");

		// a body sent in chunks, without a length to refuse it by, is cut off at the
		// limit
		// as it streams: 413, through the gateway and at the service itself
		byte[] streamed = ("{\"treatmentId\":\"" + "x".repeat(300_000) + "\"}")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		for (String base : List.of(platform.site(), platform.service("booking-service"))) {
			HttpResponse<String> tooLarge = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/bookings"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(streamed)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(tooLarge.statusCode()).as(base).isEqualTo(413);
			assertThat(tooLarge.body()).contains("content-too-large");
		}
	}

	/** The demo clinic works on weekdays. */
	static ZonedDateTime nextWeekday(ZonedDateTime from) {
		ZonedDateTime day = from;
		while (day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** The plain-text part of a mail, which also carries HTML and a calendar invite. */
	private static String plainText(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return "";
	}

}
