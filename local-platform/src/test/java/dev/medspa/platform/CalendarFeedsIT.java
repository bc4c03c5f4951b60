package dev.medspa.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A manager hands a practitioner a calendar feed through the pages, in headless Chromium
 * against the packaged platform: the link shown once, the feed read through the gateway
 * as a calendar app reads it (no sign-in), the staff API of feeds reached through the
 * gateway (booking-service's, though under the catalog's {@code /api/staff/locations}),
 * and the link dead once the feed is revoked.
 */
class CalendarFeedsIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	static Path home;

	private static PackagedPlatform platform;

	@TempDir
	Path profile;

	private Browser browser;

	@BeforeAll
	static void startPlatform() {
		Assumptions.assumeTrue(Browser.available(),
				"Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
		platform = new PackagedPlatform(home);
		// booking-service answers from its copy of the catalog, which arrives over Kafka
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(platform.site() + "/api/availability?treatment=microneedling-consultation&location=any")
				.body()
				.contains("\"earliest\":\"20"));
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@BeforeEach
	void openBrowser() {
		this.browser = new Browser(this.profile);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aManagerMakesAPractitionersFeedWhoseLinkWorksUntilItIsRevoked() throws Exception {
		signIn("manager@clinic.example");
		this.browser.open(platform.site() + "/staff/catalog/locations/walnut-creek");
		this.browser.go(By.id("calendar-feeds-link"));
		assertThat(this.browser.text()).contains("Calendar feeds: Walnut Creek");

		Select whose = new Select(this.browser.find(By.id("practitionerId")));
		String practitioner = whose.getOptions().get(0).getText();
		whose.selectByIndex(0);
		this.browser.go(By.id("create-feed"));
		assertThat(this.browser.text()).contains("This link is shown only this once.");
		String webcal = this.browser.find(By.id("webcal-link")).getAttribute("value");
		String web = this.browser.find(By.id("web-link")).getAttribute("value");
		assertThat(webcal).startsWith("webcal://127.0.0.1:").endsWith(".ics");
		assertThat(web).isEqualTo(platform.site() + webcal.substring(webcal.indexOf("/feeds/")));
		assertThat(this.browser.find(By.id("feeds")).getText()).contains(practitioner + "'s bookings at Walnut Creek");
		this.browser.screenshot("calendar-feeds-issued");
		assertThat(this.browser.accessibilityViolations()).as("serious accessibility violations").isEmpty();

		// a calendar app reads it through the gateway with the link alone
		HttpResponse<String> feed = get(web);
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
		assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("TZID:America/Los_Angeles");
		String etag = feed.headers().firstValue("ETag").orElseThrow();
		assertThat(send(HttpRequest.newBuilder(URI.create(web)).header("If-None-Match", etag)).statusCode())
			.isEqualTo(304);

		// the feeds' staff API is booking-service's, also through the gateway
		String token = InstallationTokens.token(platform.signingKeyFile(), platform.site(), "MANAGER",
				List.of("walnut-creek"), claims -> {
				});
		HttpResponse<String> listed = send(
				HttpRequest.newBuilder(URI.create(platform.site() + "/api/staff/locations/walnut-creek/feeds"))
					.header("Authorization", "Bearer " + token));
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		assertThat(listed.body()).contains(practitioner + "'s bookings at Walnut Creek").doesNotContain("/feeds/");

		// shown once: the page does not show it again
		this.browser.open(platform.site() + "/staff/catalog/locations/walnut-creek/feeds");
		assertThat(this.browser.text()).doesNotContain("webcal://");
		this.browser.go(this.browser.all(By.cssSelector("#feeds button")).get(0));
		assertThat(this.browser.text()).contains("Revoked");
		this.browser.screenshot("calendar-feeds-revoked");
		assertThat(get(web).statusCode()).isEqualTo(404);
	}

	private void signIn(String email) throws Exception {
		this.browser.open(platform.site() + "/staff/sign-in");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("password")).sendKeys(platform.demoPassword(email));
		this.browser.go(By.id("sign-in"));
		assertThat(this.browser.url()).containsPattern("/staff(\\?continue)?$");
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
