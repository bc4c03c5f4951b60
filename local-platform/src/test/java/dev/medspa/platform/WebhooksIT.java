package dev.medspa.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static dev.medspa.platform.PlatformCalls.get;
import static dev.medspa.platform.PlatformCalls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * An owner connects another system on the webhook pages, in headless Chromium against the
 * packaged platform: a URL the installation may not call is refused next to its field;
 * the secret is shown once; a client's booking and cancellation then reach the receiver
 * (a loopback server of this test) signed as Standard Webhooks says, which the test
 * checks with the JDK's own HMAC; the delivery log shows them delivered and a replay
 * sends one again with its webhook-id. Only owners get to the pages.
 */
class WebhooksIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CONFIRMED = "dev.medspa.booking.confirmed";

	private static final String CANCELLED = "dev.medspa.booking.cancelled";

	@TempDir
	static Path home;

	private static PackagedPlatform platform;

	private static WebhookReceiver receiver;

	@TempDir
	Path profile;

	@BeforeAll
	static void startPlatform() {
		Assumptions.assumeTrue(Browser.available(),
				"Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
		receiver = WebhookReceiver.start();
		platform = new PackagedPlatform(home);
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(platform.site() + "/api/availability?treatment=microneedling-consultation&location=any")
				.body()
				.contains("\"earliest\":\"20"));
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
		if (receiver != null) {
			receiver.close();
		}
	}

	@Test
	void anOwnerConnectsASystemThatReceivesSignedBookingEventsAndReadsTheirDeliveries() throws Exception {
		try (Browser browser = new Browser(this.profile)) {
			signIn(browser, "owner@clinic.example");
			browser.go(By.linkText("Webhooks"));
			assertThat(browser.find(By.id("no-endpoints")).getText()).isEqualTo("No endpoint is registered yet.");

			// a host this installation may not call over plain http: refused at the
			// field,
			// the rest kept
			browser.find(By.id("url")).sendKeys("http://example.com/medspa-events");
			browser.find(By.id("description")).sendKeys("Front office bridge");
			eventType(browser, CONFIRMED).click();
			eventType(browser, CANCELLED).click();
			browser.find(By.id("ordered")).click();
			browser.go(By.id("register-form-button"));
			assertThat(browser.find(By.id("url-error")).getText()).isEqualTo("The URL must use https.");
			assertThat(browser.find(By.id("description")).getAttribute("value")).isEqualTo("Front office bridge");
			assertThat(eventType(browser, CONFIRMED).isSelected()).isTrue();
			assertThat(browser.find(By.id("contactEmail")).getAttribute("value")).isEqualTo("owner@clinic.example");
			scrollTo(browser, "register");
			browser.screenshot("webhooks-refused");
			assertAccessible(browser, "webhooks-refused");

			browser.find(By.id("url")).clear();
			browser.find(By.id("url")).sendKeys(receiver.url());
			browser.go(By.id("register-form-button"));
			String secret = browser.find(By.id("secret")).getAttribute("value");
			assertThat(secret).startsWith("whsec_");
			assertThat(browser.find(By.id("secret-box")).getText()).contains("it will not be shown again")
				.contains("see Integrations in the README");
			assertThat(browser.find(By.id("endpoints")).getText()).contains("Front office bridge")
				.contains(receiver.url())
				.contains("Booking confirmed, Booking cancelled")
				.contains("Nothing sent yet");
			browser.screenshot("webhooks-registered");
			assertAccessible(browser, "webhooks-registered");
			browser.open(platform.site() + "/staff/webhooks");
			assertThat(browser.text()).as("the secret is shown once").doesNotContain(secret);

			// a client books and cancels: both events arrive, signed with the secret
			JsonNode booking = book("hooked-" + System.nanoTime() + "@example.com");
			String bookingId = booking.get("id").asString();
			String manageToken = booking.get("manage").get("token").asString();
			WebhookReceiver.Received confirmed = receiver.first(event(CONFIRMED, bookingId));
			assertSignedWith(confirmed, secret);
			assertThat(confirmed.method()).isEqualTo("POST");
			assertThat(confirmed.path()).isEqualTo("/medspa-events");
			assertThat(confirmed.header("content-type")).startsWith("application/cloudevents+json");
			assertThat(confirmed.text()).doesNotContain(manageToken);

			assertThat(post(platform.site() + "/api/manage/" + manageToken + "/cancel", "").statusCode())
				.isEqualTo(200);
			assertSignedWith(receiver.first(event(CANCELLED, bookingId)), secret);

			// the endpoint's page: both delivered, with the receiver's answer
			browser.go(By.linkText("Front office bridge"));
			String page = browser.url();
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				browser.open(page);
				return browser.all(By.cssSelector("#deliveries tr[data-status='DELIVERED']")).size() == 2;
			});
			assertThat(browser.find(By.id("health")).getText()).isEqualTo("Delivering");
			WebElement log = browser.find(By.id("deliveries"));
			assertThat(log.getText()).contains("Booking confirmed")
				.contains("Booking cancelled")
				.contains("Booking " + bookingId)
				.contains("Delivered")
				.contains("200")
				.contains("UTC");
			scrollTo(browser, "log-heading");
			browser.screenshot("webhooks-deliveries");
			assertAccessible(browser, "webhooks-deliveries");

			// a new secret, the old one signing beside it for an hour
			browser.find(By.cssSelector("input[name='overlap'][value='PT1H']")).click();
			browser.go(By.id("rotate-button"));
			String rotated = browser.find(By.id("secret")).getAttribute("value");
			assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
			assertThat(browser.find(By.id("done")).getText())
				.isEqualTo("New secret made; the old one keeps signing beside it for 1 hour.");
			assertThat(browser.find(By.id("endpoint-facts")).getText()).contains("Two secrets sign each request");

			// a replay sends the confirmation again, with the webhook-id it had, signed
			// with both secrets
			String webhookId = confirmed.header("webhook-id");
			browser.go(By.xpath(
					"//table[@id='deliveries']//tr[.//strong[text()='Booking confirmed']]//button[text()='Replay']"));
			assertThat(browser.find(By.id("done")).getText())
				.isEqualTo("1 delivery is being sent again, with its original webhook-id.");
			WebhookReceiver.Received replayed = await().atMost(Duration.ofSeconds(30))
				.until(() -> receiver.received()
					.stream()
					.filter(received -> received.header("webhook-id").equals(webhookId))
					.toList(), sent -> sent.size() == 2)
				.get(1);
			assertThat(replayed.text()).isEqualTo(confirmed.text());
			assertSignedWith(replayed, secret);
			assertSignedWith(replayed, rotated);
			scrollTo(browser, "rotate");
			browser.screenshot("webhooks-endpoint-actions");

			// the last hour again (the form's default range): the cancellation goes out a
			// second time too
			String cancelledId = receiver.first(event(CANCELLED, bookingId)).header("webhook-id");
			browser.go(By.id("replay-range-button"));
			assertThat(browser.find(By.id("done")).getText())
				.containsPattern("^[12] deliver(y is|ies are) being sent again");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> receiver.received()
					.stream()
					.filter(received -> received.header("webhook-id").equals(cancelledId))
					.count() == 2);

			// changed: the secret stays
			browser.go(By.id("edit-link"));
			assertThat(browser.find(By.id("url")).getAttribute("value")).isEqualTo(receiver.url());
			browser.find(By.id("description")).clear();
			browser.find(By.id("description")).sendKeys("Front office bridge (v2)");
			browser.screenshot("webhooks-edit");
			browser.go(By.id("edit-form-button"));
			assertThat(browser.find(By.id("done")).getText()).isEqualTo("Saved. The signing secret stays as it was.");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Front office bridge (v2)");

			// removed: nothing more goes out
			browser.find(By.id("confirm-remove")).click();
			browser.go(By.id("remove-button"));
			assertThat(browser.find(By.id("done")).getText()).startsWith("Removed \"Front office bridge (v2)\".");
			assertThat(browser.find(By.id("no-endpoints")).getText()).isEqualTo("No endpoint is registered yet.");
		}
	}

	@Test
	void onlyOwnersGetToTheWebhookPages() throws Exception {
		try (Browser browser = new Browser(this.profile)) {
			signIn(browser, "manager@clinic.example");
			assertThat(browser.all(By.linkText("Webhooks"))).isEmpty();
			browser.open(platform.site() + "/staff/webhooks");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not available to your account");
			assertThat(browser.text()).doesNotContain("Register an endpoint");
		}
	}

	/**
	 * Books a consultation a month ahead, through the public API; answers the booking.
	 */
	private static JsonNode book(String email) throws Exception {
		LocalDate from = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(30);
		JsonNode availability = JSON.readTree(
				get(platform.site() + "/api/availability?treatment=microneedling-consultation&location=san-ramon&from="
						+ from + "&to=" + from.plusDays(6))
					.body());
		String start = availability.get("locations").get(0).get("earliest").asString();
		var booked = post(platform.site() + "/api/bookings", """
				{"treatmentId":"microneedling-consultation","locationId":"san-ramon","start":"%s",
				 "client":{"name":"Hugo Hook","email":"%s","phone":"+1 925 555 0142"}}
				""".formatted(start, email));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		return JSON.readTree(booked.body());
	}

	private static java.util.function.Predicate<WebhookReceiver.Received> event(String type, String bookingId) {
		return received -> {
			JsonNode event = JSON.readTree(received.text());
			return type.equals(event.path("type").asString()) && bookingId.equals(event.path("subject").asString());
		};
	}

	/**
	 * The receiver's check, written from the Standard Webhooks specification and not from
	 * the service's signer: HMAC-SHA256 over {@code id.timestamp.body} keyed with the
	 * decoded secret, one of the {@code v1,} signatures, and a timestamp of now.
	 */
	private static void assertSignedWith(WebhookReceiver.Received received, String secret) throws Exception {
		String id = received.header("webhook-id");
		String timestamp = received.header("webhook-timestamp");
		assertThat(id).isNotBlank();
		assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), within(300L));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(received.body()));
		assertThat(List.of(received.header("webhook-signature").split(" "))).contains(expected);
	}

	private static void scrollTo(Browser browser, String id) {
		browser.script("document.getElementById(arguments[0]).scrollIntoView()", id);
	}

	private static WebElement eventType(Browser browser, String type) {
		return browser.find(By.cssSelector("input[name='types'][value='" + type + "']"));
	}

	private static void signIn(Browser browser, String email) throws Exception {
		browser.open(platform.site() + "/staff/sign-in");
		browser.find(By.id("email")).sendKeys(email);
		browser.find(By.id("password")).sendKeys(platform.demoPassword(email));
		browser.go(By.id("sign-in"));
		assertThat(browser.url()).containsPattern("/staff(\\?continue)?$");
	}

	private static void assertAccessible(Browser browser, String page) {
		assertThat(browser.accessibilityViolations()).as("serious accessibility violations on " + page).isEmpty();
	}

}
