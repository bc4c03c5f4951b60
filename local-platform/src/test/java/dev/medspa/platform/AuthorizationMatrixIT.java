package dev.medspa.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The permission matrix of the README, walked cell by cell against the services
 * themselves (past the gateway, so no service relies on it): every staff endpoint, each
 * role at its own and at another location, and no token; then every flawed token at every
 * service. A refused request is 401 without a token and 403 with one, and never carries
 * the client's details.
 */
class AuthorizationMatrixIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String HERE = "walnut-creek";

	private static final String THERE = "scottsdale";

	private static final String CLIENT_EMAIL = "matrix-client@example.com";

	@TempDir
	static Path home;

	private static PackagedPlatform platform;

	private static String bookingId;

	private static String bookingStart;

	/** Who calls: a role at a location, or nobody. */
	enum Caller {

		NONE(null, null), FRONT_DESK_THERE("FRONT_DESK", THERE), MANAGER_THERE("MANAGER", THERE),
		FRONT_DESK_HERE("FRONT_DESK", HERE), MANAGER_HERE("MANAGER", HERE), OWNER("OWNER", null),
		PRACTITIONER_THERE("PRACTITIONER", THERE), PRACTITIONER_HERE("PRACTITIONER", HERE);

		final String role;

		final String location;

		Caller(String role, String location) {
			this.role = role;
			this.location = location;
		}

	}

	private static final Set<Caller> ANY_STAFF = EnumSet.complementOf(EnumSet.of(Caller.NONE));

	private static final Set<Caller> AT_HERE = EnumSet.of(Caller.FRONT_DESK_HERE, Caller.MANAGER_HERE, Caller.OWNER);

	private static final Set<Caller> MANAGING_HERE = EnumSet.of(Caller.MANAGER_HERE, Caller.OWNER);

	private static final Set<Caller> MANAGERS = EnumSet.of(Caller.MANAGER_HERE, Caller.MANAGER_THERE, Caller.OWNER);

	private static final Set<Caller> OWNERS = EnumSet.of(Caller.OWNER);

	/**
	 * Health answers: practitioners and managers of the location, and nobody else (an
	 * owner neither).
	 */
	private static final Set<Caller> TREATING_HERE = EnumSet.of(Caller.PRACTITIONER_HERE, Caller.MANAGER_HERE);

	/**
	 * Whether the matrix lets a caller through. A practitioner may do what front desk may
	 * at the same location, unless a row names practitioners itself.
	 */
	static boolean allows(Call call, Caller caller) {
		if (call.allowed().contains(caller)) {
			return true;
		}
		boolean namesPractitioners = call.allowed().contains(Caller.PRACTITIONER_HERE)
				|| call.allowed().contains(Caller.PRACTITIONER_THERE);
		return !namesPractitioners && switch (caller) {
			case PRACTITIONER_HERE -> call.allowed().contains(Caller.FRONT_DESK_HERE);
			case PRACTITIONER_THERE -> call.allowed().contains(Caller.FRONT_DESK_THERE);
			default -> false;
		};
	}

	/** One staff endpoint and who may call it. */
	record Call(String service, String method, String path, String body, Set<Caller> allowed) {
	}

	@BeforeAll
	static void aBookingAtWalnutCreek() throws Exception {
		platform = new PackagedPlatform(home);
		LocalDate from = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(10);
		String availability = platform.service("booking-service") + "/api/availability?treatment="
				+ "microneedling-consultation&location=" + HERE + "&from=" + from + "&to=" + from.plusDays(6);
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> send("GET", availability, null, null).body().contains("\"earliest\":\"20"));
		bookingStart = field(send("GET", availability, null, null).body(), "earliest");
		HttpResponse<String> booked = send("POST", platform.service("booking-service") + "/api/staff/bookings",
				booking("microneedling-consultation", bookingStart), token(Caller.OWNER));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		bookingId = field(booked.body(), "id");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> send("GET",
					platform.service("notification-service") + "/api/staff/notifications?booking=" + bookingId, null,
					token(Caller.OWNER))
				.statusCode() == 200);
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void everyStaffEndpointAnswersEachCallerAsTheMatrixSays() throws Exception {
		List<String> wrong = new ArrayList<>();
		int cells = 0;
		for (Call call : calls()) {
			for (Caller caller : Caller.values()) {
				HttpResponse<String> response = send(call.method(),
						platform.service(call.service()) + call.path().replace("{booking}", bookingId), call.body(),
						caller == Caller.NONE ? null : token(caller));
				cells++;
				int status = response.statusCode();
				String cell = call.method() + " " + call.path() + " as " + caller + ": " + status;
				if (allows(call, caller)) {
					if (status == 401 || status == 403 || status >= 500) {
						wrong.add(cell + " (should be let through) " + response.body());
					}
				}
				else if (status != (caller == Caller.NONE ? 401 : 403)) {
					wrong.add(cell + " (should be " + (caller == Caller.NONE ? 401 : 403) + ")");
				}
				else if (response.body().contains(CLIENT_EMAIL) || response.body().contains("\"client\"")) {
					wrong.add(cell + " carries client details");
				}
			}
		}
		assertThat(wrong).as("cells that break the matrix, of " + cells).isEmpty();
		assertThat(cells).isEqualTo(calls().size() * Caller.values().length);
	}

	@Test
	void everyFlawedTokenIsRefusedByEveryService() throws Exception {
		Path otherKey = home.resolve("other-key.json");
		Files.writeString(otherKey, new RSAKeyGenerator(2048).keyID("other").generate().toJSONString());
		Path key = platform.signingKeyFile();
		String site = platform.site();
		String genuine = InstallationTokens.token(key, site, "OWNER", List.of(), claims -> {
		});
		List<String> flawed = List.of(
				InstallationTokens.token(key, site, "OWNER", List.of(),
						claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(60)))),
				InstallationTokens.token(key, site, "OWNER", List.of(), claims -> claims.expirationTime(null)),
				InstallationTokens.token(key, "http://evil.example", "OWNER", List.of(), claims -> {
				}), InstallationTokens.token(key, site, "OWNER", List.of(), claims -> claims.audience("another-api")),
				InstallationTokens.token(otherKey, site, "OWNER", List.of(), claims -> {
				}), tampered(genuine), unsigned(genuine), "not-a-token");
		for (String path : List.of(platform.service("catalog-service") + "/api/staff/treatments",
				platform.service("booking-service") + "/api/staff/bookings/" + bookingId,
				platform.service("notification-service") + "/api/staff/notifications?booking=" + bookingId,
				platform.service("intake-service") + "/api/staff/forms")) {
			assertThat(send("GET", path, null, genuine).statusCode()).as("genuine token at " + path).isEqualTo(200);
			for (int i = 0; i < flawed.size(); i++) {
				HttpResponse<String> response = send("GET", path, null, flawed.get(i));
				assertThat(response.statusCode()).as("flawed token " + i + " at " + path).isEqualTo(401);
				assertThat(response.body()).doesNotContain(CLIENT_EMAIL);
			}
		}
	}

	/**
	 * No private key ships in the repository, so none can sign a token any installation
	 * accepts; the installation's own key is generated on first start, outside it.
	 */
	@Test
	void noPrivateKeyShipsInTheRepository() throws IOException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		Pattern pem = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
		Pattern jwk = Pattern.compile("\"kty\"\\s*:\\s*\"(RSA|EC|OKP)\"[\\s\\S]*\"d\"\\s*:");
		List<Path> keys = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile)
				.filter(file -> Stream.of("target", ".git", ".local", "node_modules")
					.noneMatch(skip -> root.relativize(file).toString().startsWith(skip)
							|| root.relativize(file).toString().contains("/" + skip + "/")))
				.filter(file -> {
					try {
						return Files.size(file) < 1_000_000;
					}
					catch (IOException ex) {
						return false;
					}
				})
				.toList()) {
				String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				if (pem.matcher(text).find() || jwk.matcher(text).find()) {
					keys.add(root.relativize(file));
				}
			}
		}
		assertThat(keys).as("files with private key material").isEmpty();
	}

	private static List<Call> calls() {
		String schedule = "{\"weekly\":[{\"locationId\":\"" + HERE
				+ "\",\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"12:30\"}]}";
		String practitioner = "{\"displayName\":\"Daniel Ortiz\",\"role\":\"Nurse injector\",\"qualifications\":"
				+ "[\"microneedling\",\"prp\"],\"locations\":[\"" + HERE + "\"]}";
		String day = bookingStart.substring(0, 10);
		return List.of(new Call("catalog-service", "GET", "/api/staff/treatments", null, ANY_STAFF),
				new Call("catalog-service", "GET", "/api/staff/treatments/microneedling", null, ANY_STAFF),
				new Call("catalog-service", "GET", "/api/staff/locations/" + HERE, null, ANY_STAFF),
				new Call("catalog-service", "GET", "/api/staff/practitioners/daniel-ortiz", null, ANY_STAFF),
				new Call("catalog-service", "POST", "/api/staff/treatments", "{}", MANAGERS),
				new Call("catalog-service", "PUT", "/api/staff/treatments/microneedling", "{}", MANAGERS),
				new Call("catalog-service", "POST", "/api/staff/treatments/nothing-here/retire", null, MANAGERS),
				new Call("catalog-service", "POST", "/api/staff/locations", "{}", OWNERS),
				new Call("catalog-service", "PUT", "/api/staff/locations/" + HERE, "{}", MANAGING_HERE),
				new Call("catalog-service", "POST", "/api/staff/locations/nowhere/retire", null, OWNERS),
				new Call("catalog-service", "PUT", "/api/staff/practitioners/daniel-ortiz", practitioner,
						MANAGING_HERE),
				new Call("catalog-service", "POST", "/api/staff/practitioners/daniel-ortiz/retire", null,
						MANAGING_HERE),
				new Call("booking-service", "GET", "/api/staff/schedules/daniel-ortiz", null, ANY_STAFF),
				new Call("booking-service", "PUT", "/api/staff/schedules/daniel-ortiz", schedule, MANAGING_HERE),
				new Call("booking-service", "GET", "/api/staff/bookings/{booking}", null, AT_HERE),
				new Call("booking-service", "POST", "/api/staff/bookings",
						booking("microneedling-consultation", bookingStart), AT_HERE),
				new Call("booking-service", "POST", "/api/staff/bookings?overrideReason=Seen+elsewhere",
						booking("microneedling", bookingStart), MANAGING_HERE),
				new Call("booking-service", "POST", "/api/staff/bookings/{booking}/check-in", null, AT_HERE),
				new Call("booking-service", "POST", "/api/staff/bookings/{booking}/complete", "{}", AT_HERE),
				new Call("booking-service", "POST", "/api/staff/bookings/{booking}/no-show", null, AT_HERE),
				new Call("booking-service", "POST", "/api/staff/bookings/{booking}/reschedule",
						"{\"start\":\"" + bookingStart + "\"}", AT_HERE),
				new Call("booking-service", "GET", "/api/staff/day-sheets/" + HERE + "/" + day, null, AT_HERE),
				new Call("booking-service", "GET", "/api/staff/agenda/daniel-ortiz?date=" + day, null, ANY_STAFF),
				new Call("booking-service", "GET", "/api/staff/attention?location=" + HERE, null, AT_HERE),
				new Call("booking-service", "GET",
						"/api/staff/affected-bookings?location=" + HERE + "&resource=" + HERE + "-consult", null,
						AT_HERE),
				new Call("notification-service", "GET", "/api/staff/notifications?booking={booking}", null, AT_HERE),
				new Call("catalog-service", "GET", "/api/staff/audit", null, OWNERS),
				new Call("booking-service", "GET", "/api/staff/audit?target={booking}", null, OWNERS),
				new Call("notification-service", "GET", "/api/staff/audit", null, OWNERS),
				new Call("booking-service", "POST", "/api/staff/clients/export", "{}", OWNERS),
				new Call("booking-service", "POST", "/api/staff/clients/erase", "{}", OWNERS),
				new Call("notification-service", "POST", "/api/staff/clients/export", "{}", OWNERS),
				new Call("intake-service", "POST", "/api/staff/clients/export", "{}", OWNERS),
				new Call("intake-service", "GET", "/api/staff/forms", null, ANY_STAFF),
				new Call("intake-service", "GET", "/api/staff/forms/microneedling-health", null, ANY_STAFF),
				new Call("intake-service", "PUT", "/api/staff/forms/matrix-form", "{}", MANAGERS),
				new Call("intake-service", "GET", "/api/staff/locations/" + HERE + "/intake/{booking}", null,
						TREATING_HERE),
				new Call("intake-service", "POST", "/api/staff/locations/" + HERE + "/intake/{booking}/review",
						"{\"decision\":\"CLEARED\"}", TREATING_HERE),
				new Call("booking-service", "GET", "/api/staff/waitlist?locationId=" + HERE, null, AT_HERE),
				new Call("booking-service", "GET", "/api/staff/waitlist/settings/" + HERE, null, AT_HERE),
				new Call("booking-service", "POST", "/api/staff/series",
						booking("microneedling", bookingStart).replace("\"start\":\"" + bookingStart + "\"",
								"\"starts\":[\"" + bookingStart + "\"]"),
						AT_HERE),
				new Call("booking-service", "GET", "/api/staff/waitlist/refills?locationId=" + HERE, null,
						MANAGING_HERE),
				new Call("booking-service", "POST", "/api/staff/waitlist/offers",
						"{\"entryId\":\"nobody\",\"locationId\":\"" + HERE + "\",\"start\":\"" + bookingStart + "\"}",
						AT_HERE),
				new Call("booking-service", "PUT", "/api/staff/waitlist/settings/" + HERE,
						"{\"mode\":\"FIRST_IN_LINE\"}", MANAGING_HERE),
				new Call("booking-service", "POST", "/api/staff/locations/" + HERE + "/feeds", "{}", MANAGING_HERE),
				new Call("booking-service", "GET", "/api/staff/locations/" + HERE + "/feeds", null, MANAGING_HERE),
				new Call("booking-service", "GET", "/api/staff/locations/" + HERE + "/feeds/nothing-here", null,
						MANAGING_HERE),
				new Call("booking-service", "DELETE", "/api/staff/locations/" + HERE + "/feeds/nothing-here", null,
						MANAGING_HERE),
				new Call("booking-service", "GET", "/api/staff/policies/nothing-here", null, ANY_STAFF),
				new Call("booking-service", "PUT", "/api/staff/policies/nothing-here", "{}", OWNERS),
				new Call("booking-service", "GET", "/api/staff/locations/" + HERE + "/policies/nothing-here", null,
						MANAGING_HERE),
				new Call("booking-service", "PUT", "/api/staff/locations/" + HERE + "/policies/nothing-here", "{}",
						MANAGING_HERE),
				new Call("booking-service", "GET", "/api/staff/bookings/{booking}/ledger", null, AT_HERE),
				new Call("booking-service", "POST", "/api/staff/bookings/{booking}/ledger/waiver",
						"{\"reason\":\"Matrix walk\"}", AT_HERE),
				new Call("booking-service", "GET", "/api/staff/packages?email=nobody@example.com", null, ANY_STAFF),
				new Call("booking-service", "GET", "/api/staff/packages/offers", null, ANY_STAFF),
				new Call("booking-service", "PUT", "/api/staff/packages/offers/nothing-here", "{}", MANAGERS),
				new Call("booking-service", "GET", "/api/staff/bookings/{booking}/package", null, AT_HERE),
				new Call("booking-service", "POST", "/api/staff/bookings/{booking}/package/restore",
						"{\"reason\":\"Matrix walk\"}", AT_HERE),
				new Call("notification-service", "GET", "/api/staff/webhooks", null, OWNERS),
				new Call("notification-service", "GET", "/api/staff/webhooks/event-types", null, OWNERS),
				new Call("notification-service", "POST", "/api/staff/webhooks", "{}", OWNERS),
				new Call("notification-service", "GET", "/api/staff/webhooks/nothing-here/deliveries", null, OWNERS),
				new Call("notification-service", "POST", "/api/staff/webhooks/nothing-here/secret", null, OWNERS),
				new Call("notification-service", "POST", "/api/staff/webhooks/nothing-here/replay",
						"{\"deliveryIds\":[\"x\"]}", OWNERS),
				new Call("notification-service", "PUT", "/api/staff/webhooks/nothing-here", "{}", OWNERS),
				new Call("notification-service", "DELETE", "/api/staff/webhooks/nothing-here", null, OWNERS),
				new Call("booking-service", "GET", "/api/staff/dead-letters/booking-service", null, OWNERS),
				new Call("notification-service", "GET", "/api/staff/dead-letters/notification-service", null, OWNERS),
				new Call("notification-service", "POST",
						"/api/staff/dead-letters/notification-service/nothing.dlt/0/0/replay", null, OWNERS),
				new Call("booking-service", "POST", "/api/staff/bookings/{booking}/cancel",
						"{\"reason\":\"Matrix walk\"}", AT_HERE));
	}

	private static String booking(String treatment, String start) {
		return """
				{"treatmentId":"%s","locationId":"%s","start":"%s",
				 "client":{"name":"Matrix Client","email":"%s","phone":"+1 925 555 0114"}}
				""".formatted(treatment, HERE, start, CLIENT_EMAIL);
	}

	private static String token(Caller caller) throws Exception {
		return InstallationTokens.token(platform.signingKeyFile(), platform.site(), caller.role,
				caller.location == null ? List.of() : List.of(caller.location), claims -> {
				});
	}

	/** The same claims with one character of the signature changed. */
	private static String tampered(String token) {
		int last = token.length() - 5;
		char swapped = token.charAt(last) == 'A' ? 'B' : 'A';
		return token.substring(0, last) + swapped + token.substring(last + 1);
	}

	/** The same claims, declared unsigned ({@code alg: none}), without a signature. */
	private static String unsigned(String token) {
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		return header + "." + token.split("\\.")[1] + ".";
	}

	private static HttpResponse<String> send(String method, String url, String body, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("If-Match", "\"0\"");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		assertThat(value.find()).as(name + " in " + json).isTrue();
		return value.group(1);
	}

}
