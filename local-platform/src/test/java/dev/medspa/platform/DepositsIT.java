package dev.medspa.platform;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static dev.medspa.platform.PlatformCalls.field;
import static dev.medspa.platform.PlatformCalls.mailTo;
import static dev.medspa.platform.PlatformCalls.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Booking a treatment with a cancellation policy in headless Chromium, against the
 * packaged platform with booking-service's demo policies switched on and its local fake
 * payment provider: the client reads the policy, must accept it, is told kindly when the
 * test card is declined (the time still held), books with the card that succeeds, and the
 * front desk sees the deposit on the booking's page.
 */
class DepositsIT {

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
		platform = new PackagedPlatform(home, Map.of("BOOKING_DEMO_POLICIES", "true"));
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(platform.site() + "/api/availability?treatment=microneedling&location=walnut-creek")
				.contains("\"earliest\":\"20")
					&& get(platform.site() + "/api/policies?treatment=microneedling&location=walnut-creek")
						.contains("\"version\":1"));
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
	void aClientAcceptsThePolicyIsDeclinedThenBooksWithADepositThatStaffSee() throws Exception {
		String email = "deposit-" + System.nanoTime() + "@example.com";
		java.time.LocalDate consulted = completedConsultation(email);
		// a weekday after the consultation's day: the treatment must follow it
		this.browser.open(platform.site() + "/book/microneedling/walnut-creek/" + weekdayAfter(consulted));
		this.browser.go(this.browser.all(By.cssSelector(".times button")).get(0));
		assertThat(this.browser.find(By.id("policy")).getText()).contains("$50.00 deposit, charged now")
			.contains("Cancel at least 48 hours before, or a $50.00 late-cancellation fee applies.")
			.contains("No-show fee $100.00.")
			.contains("no real card is charged");
		show(By.id("policy"));
		this.browser.screenshot("deposit-policy");
		assertAccessible("deposit-policy");

		this.browser.find(By.id("name")).sendKeys("Dana Deposit");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0188");
		new Select(this.browser.find(By.id("paymentMethod"))).selectByValue("pm_decline_insufficient_funds");
		this.browser.go(By.id("book"));
		// micro-needling reads the client's visits: the e-mail code first
		await().atMost(Duration.ofSeconds(60))
			.until(() -> mailTo(email).stream().anyMatch(mail -> subject(mail).matches(".*: \\d{6}")));
		String code = mailTo(email).stream()
			.map(PlatformCalls::subject)
			.filter(subject -> subject.matches(".*: \\d{6}"))
			.findFirst()
			.orElseThrow()
			.replaceAll(".*: ", "");
		this.browser.find(By.id("emailCode")).sendKeys(code);
		this.browser.go(By.id("book"));
		assertThat(this.browser.find(By.id("policy-error")).getText())
			.contains("Please read the cancellation policy and tick");

		this.browser.find(By.id("acceptPolicy")).click();
		this.browser.go(By.id("book"));
		assertThat(this.browser.find(By.id("card-error")).getText()).contains("the card was declined")
			.contains("We are still holding this time for you.");
		assertThat(this.browser.text()).contains("We hold this time for you until");
		show(By.id("card-error"));
		this.browser.screenshot("deposit-declined");
		assertAccessible("deposit-declined");

		new Select(this.browser.find(By.id("paymentMethod"))).selectByValue("pm_card_visa");
		this.browser.go(By.id("book"));
		assertThat(this.browser.text()).contains("You are booked");

		String bookingId = depositCharged();
		signIn("frontdesk.walnutcreek@clinic.example");
		this.browser.open(platform.site() + "/staff/bookings/" + bookingId);
		assertThat(this.browser.find(By.id("payments")).getText()).contains("Policy version 1, accepted")
			.contains("Card on file.")
			.contains("Deposit $50.00 succeeded");
		show(By.id("payments"));
		this.browser.screenshot("staff-payments");
		assertAccessible("staff-payments");

		// the client does not come: the no-show fee keeps the deposit and charges the
		// rest, which the front desk waives with a reason
		String token = InstallationTokens.owner(platform.signingKeyFile(), platform.site());
		String start = field(staffCall("GET", "/api/staff/bookings/" + bookingId, token, "").body(), "start");
		try {
			platform.shiftClock(Duration.between(Instant.now(),
					OffsetDateTime.parse(start).toInstant().plus(Duration.ofMinutes(20))));
			this.browser.open(platform.site() + "/staff/bookings/" + bookingId);
			this.browser.go(By.id("no-show"));
			assertThat(this.browser.text()).contains("Marked as a no-show");
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				this.browser.open(platform.site() + "/staff/bookings/" + bookingId);
				return this.browser.all(By.id("waive-fee")).size() == 1;
			});
			assertThat(this.browser.find(By.id("payments")).getText()).contains("No-show fee $50.00 succeeded");
			this.browser.find(By.id("waiver-reason")).sendKeys("Family emergency, called the next morning");
			this.browser.go(By.id("waive-fee"));
			assertThat(this.browser.text()).contains("Fee waived");
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				this.browser.open(platform.site() + "/staff/bookings/" + bookingId);
				return this.browser.find(By.id("payments")).getText().contains("waived: Family emergency");
			});
			assertThat(this.browser.all(By.id("waive-fee"))).isEmpty();
			show(By.id("payments"));
			this.browser.screenshot("staff-payments-waived");
			assertAccessible("staff-payments-waived");
		}
		finally {
			platform.shiftClock(Duration.ZERO);
		}

		// the front desk reads the policy behind it, and may not change it
		this.browser.open(platform.site() + "/staff/policies/microneedling");
		assertThat(this.browser.find(By.id("terms")).getText()).contains("$50.00").contains("48 hours");
		assertThat(this.browser.find(By.id("version")).getText()).startsWith("Version 1");
		assertThat(this.browser.all(By.id("policy-form"))).isEmpty();
		assertThat(this.browser.find(By.id("read-only")).getText()).contains("Only owners");
		this.browser.screenshot("staff-policy");
		assertAccessible("staff-policy");
	}

	/**
	 * A whole course under the policy: the course page shows the terms, one acceptance
	 * and one card book every session, each with its own deposit.
	 */
	@Test
	void aClientBooksAWholeCourseUnderThePolicyWithADepositPerSession() throws Exception {
		String email = "course-deposit-" + System.nanoTime() + "@example.com";
		completedConsultation(email);
		this.browser.open(platform.site() + "/series/microneedling/walnut-creek");
		java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")).plusDays(3);
		while (day.getDayOfWeek().getValue() > 5) {
			day = day.plusDays(1);
		}
		this.browser.script("arguments[0].value = arguments[1]", this.browser.find(By.id("series-date")),
				day.toString());
		this.browser.go(By.id("show-times"));
		this.browser.go(By.id("first-0"));
		assertThat(this.browser.find(By.id("policy")).getText()).contains("$50.00 deposit, charged now")
			.contains("Each session of the course takes its own deposit");
		int sessions = this.browser.all(By.cssSelector("[id^=session-][id$=-time]")).size();
		assertThat(sessions).isGreaterThan(1);
		long depositsBefore = deposits();

		this.browser.find(By.id("name")).sendKeys("Cora Course");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0177");
		new Select(this.browser.find(By.id("paymentMethod"))).selectByValue("pm_card_visa");
		this.browser.go(By.id("book-series"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> mailTo(email).stream().anyMatch(mail -> subject(mail).matches(".*: \\d{6}")));
		String code = mailTo(email).stream()
			.map(PlatformCalls::subject)
			.filter(subject -> subject.matches(".*: \\d{6}"))
			.reduce((earlier, later) -> later)
			.orElseThrow()
			.replaceAll(".*: ", "");
		this.browser.find(By.id("emailCode")).sendKeys(code);
		// without the box ticked nothing is booked, and the page says why at the box
		this.browser.go(By.id("book-series"));
		assertThat(this.browser.find(By.id("policy-error")).getText())
			.contains("Please read the cancellation policy and tick");
		this.browser.find(By.id("acceptPolicy")).click();
		if (new Select(this.browser.find(By.id("paymentMethod"))).getFirstSelectedOption()
			.getAttribute("value")
			.isBlank()) {
			new Select(this.browser.find(By.id("paymentMethod"))).selectByValue("pm_card_visa");
		}
		this.browser.go(By.id("book-series"));
		assertThat(this.browser.find(By.id("series-booked")).getText()).isNotBlank();
		this.browser.screenshot("series-booked-with-deposits");
		assertThat(deposits()).isEqualTo(depositsBefore + sessions);
	}

	/**
	 * A prepaid package: bought on its page with the e-mail code and the test card, a
	 * session booked with it (no deposit, no card), its balance on the manage page, and
	 * the session back in the package after a cancellation in time, as staff see it.
	 */
	@Test
	void aClientBuysAPackageBooksASessionWithItAndACancellationInTimeGivesItBack() throws Exception {
		String email = "package-" + System.nanoTime() + "@example.com";
		completedConsultation(email);
		this.browser.open(platform.site() + "/packages");
		assertThat(this.browser.find(By.id("offer-microneedling-3")).getText()).contains("Micro-needling, course of 3")
			.contains("$900.00");
		this.browser.screenshot("packages");
		assertAccessible("packages");
		this.browser.go(this.browser.find(By.cssSelector("#offer-microneedling-3 a.button")));
		this.browser.find(By.id("name")).sendKeys("Paula Package");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0166");
		new Select(this.browser.find(By.id("paymentMethod"))).selectByValue("pm_card_visa");
		this.browser.go(By.id("buy"));
		// a package's sessions belong to an address: the code first
		this.browser.find(By.id("emailCode")).sendKeys(latestCode(email, 1));
		if (new Select(this.browser.find(By.id("paymentMethod"))).getFirstSelectedOption()
			.getAttribute("value")
			.isBlank()) {
			new Select(this.browser.find(By.id("paymentMethod"))).selectByValue("pm_card_visa");
		}
		this.browser.go(By.id("buy"));
		assertThat(this.browser.find(By.id("package-remaining")).getText()).isEqualTo("3 of 3");
		this.browser.screenshot("package-bought");
		assertAccessible("package-bought");
		// and a receipt by e-mail, once
		await().atMost(Duration.ofSeconds(60))
			.until(() -> mailTo(email).stream().anyMatch(mail -> subject(mail).startsWith("Your prepaid package")));
		assertThat(mailTo(email).stream()
			.filter(mail -> subject(mail).startsWith("Your prepaid package"))
			.map(PlatformCalls::plainText)
			.toList()).singleElement().asString().contains("Micro-needling, course of 3").contains("$900.00");
		long depositsBefore = deposits();

		// a session four weekdays or more ahead, so that cancelling it later is in time
		java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")).plusDays(4);
		while (day.getDayOfWeek().getValue() > 5) {
			day = day.plusDays(1);
		}
		this.browser.open(platform.site() + "/book/microneedling/walnut-creek/" + day);
		this.browser.go(this.browser.all(By.cssSelector(".times button")).get(0));
		this.browser.find(By.id("name")).sendKeys("Paula Package");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0166");
		this.browser.find(By.id("usePackage")).click();
		this.browser.find(By.id("acceptPolicy")).click();
		show(By.id("package-choice"));
		this.browser.screenshot("checkout-with-package");
		this.browser.go(By.id("book"));
		this.browser.find(By.id("emailCode")).sendKeys(latestCode(email, 2));
		if (!this.browser.find(By.id("usePackage")).isSelected()) {
			this.browser.find(By.id("usePackage")).click();
		}
		if (!this.browser.find(By.id("acceptPolicy")).isSelected()) {
			this.browser.find(By.id("acceptPolicy")).click();
		}
		this.browser.go(By.id("book"));
		assertThat(this.browser.text()).contains("You are booked");
		assertThat(deposits()).as("no deposit for a session paid with the package").isEqualTo(depositsBefore);

		this.browser.go(By.id("manage-link"));
		assertThat(this.browser.find(By.id("packages")).getText()).contains("2 of 3");
		assertThat(this.browser.find(By.id("package-credit")).getText()).contains("uses a session");
		show(By.id("packages"));
		this.browser.screenshot("manage-with-package");
		assertAccessible("manage-with-package");
		String manage = this.browser.url();
		String token = manage.substring(manage.lastIndexOf('/') + 1);
		String bookingId = field(PlatformCalls.get(platform.site() + "/api/manage/" + token).body(), "id");

		this.browser.open(manage + "/cancel");
		this.browser.go(By.id("confirm-cancel"));

		signIn("frontdesk.walnutcreek@clinic.example");
		this.browser.open(platform.site() + "/staff/bookings/" + bookingId);
		assertThat(this.browser.find(By.id("booking-package")).getText()).contains("Micro-needling, course of 3")
			.contains("3 of 3")
			.containsIgnoringCase("returned");
		this.browser.open(platform.site() + "/staff/packages?email=" + email);
		assertThat(this.browser.text()).contains("3 of 3").contains(bookingId);
		this.browser.screenshot("staff-packages");
		assertAccessible("staff-packages");
	}

	/** The first weekday after a day, when the demo's Walnut Creek practitioners work. */
	private static java.time.LocalDate weekdayAfter(java.time.LocalDate day) {
		java.time.LocalDate next = day.plusDays(1);
		while (next.getDayOfWeek().getValue() > 5) {
			next = next.plusDays(1);
		}
		return next;
	}

	/** The newest e-mail code sent to the address, once the given number have come. */
	private static String latestCode(String email, int codes) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> mailTo(email).stream().filter(mail -> subject(mail).matches(".*: \\d{6}")).count() >= codes);
		return mailTo(email).stream()
			.map(PlatformCalls::subject)
			.filter(subject -> subject.matches(".*: \\d{6}"))
			.reduce((earlier, later) -> later)
			.orElseThrow()
			.replaceAll(".*: ", "");
	}

	/** How many deposits the local provider has charged so far. */
	private static long deposits() throws Exception {
		Path journal = home.resolve("payments").resolve("payments.jsonl");
		if (!Files.exists(journal)) {
			return 0;
		}
		return Files.readAllLines(journal)
			.stream()
			.filter(line -> line.contains("\"op\":\"charge\"") && line.contains("\"status\":\"succeeded\"")
					&& line.contains(":deposit\""))
			.count();
	}

	/**
	 * The id of the booking whose deposit the local provider charged, read from its
	 * journal, where the declined try is written as well.
	 */
	private static String depositCharged() throws Exception {
		Path journal = home.resolve("payments").resolve("payments.jsonl");
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(journal));
		List<String> lines = Files.readAllLines(journal);
		assertThat(lines).anyMatch(line -> line.contains("\"op\":\"charge\"") && line.contains("\"status\":\"failed\"")
				&& line.contains("pm_decline_insufficient_funds"));
		String charged = lines.stream()
			.filter(line -> line.contains("\"op\":\"charge\"") && line.contains("\"status\":\"succeeded\""))
			.filter(line -> line.contains("\"amount\":5000"))
			// the newest: another test may have charged deposits before
			.reduce((earlier, later) -> later)
			.orElseThrow(() -> new AssertionError("no deposit charged in " + lines));
		Matcher key = Pattern.compile("\"key\":\"([^\"]+):deposit\"").matcher(charged);
		assertThat(key.find()).as(charged).isTrue();
		return key.group(1);
	}

	/**
	 * A consultation booked for the address later today, checked in and completed with
	 * the platform's clocks moved to just after its start.
	 */
	private static java.time.LocalDate completedConsultation(String email) throws Exception {
		String availability = get(
				platform.site() + "/api/availability?treatment=microneedling-consultation&location=walnut-creek");
		String start = field(availability, "earliest");
		String token = InstallationTokens.owner(platform.signingKeyFile(), platform.site());
		HttpResponse<String> booked = staffCall("POST", "/api/staff/bookings", token, """
				{"treatmentId":"microneedling-consultation","locationId":"walnut-creek","start":"%s",
				 "client":{"name":"Dana Deposit","email":"%s","phone":"+1 925 555 0188"}}
				""".formatted(start, email));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		String id = field(booked.body(), "id");
		try {
			platform.shiftClock(Duration.between(Instant.now(),
					OffsetDateTime.parse(start).toInstant().plus(Duration.ofMinutes(20))));
			assertThat(staffCall("POST", "/api/staff/bookings/" + id + "/check-in", token, "").statusCode())
				.isEqualTo(200);
			assertThat(staffCall("POST", "/api/staff/bookings/" + id + "/complete", token, "{}").statusCode())
				.isEqualTo(200);
		}
		finally {
			platform.shiftClock(Duration.ZERO);
		}
		return OffsetDateTime.parse(start).toLocalDate();
	}

	private void signIn(String email) throws Exception {
		this.browser.open(platform.site() + "/staff/sign-in");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("password")).sendKeys(platform.demoPassword(email));
		this.browser.go(By.id("sign-in"));
		assertThat(this.browser.url()).containsPattern("/staff(\\?continue)?$");
	}

	/** Scrolls what a screenshot is about into the middle of the window. */
	private void show(By by) {
		this.browser.script("arguments[0].scrollIntoView({block: 'center'})", this.browser.find(by));
	}

	private void assertAccessible(String page) {
		assertThat(this.browser.accessibilityViolations()).as("serious accessibility violations on " + page).isEmpty();
	}

	private static HttpResponse<String> staffCall(String method, String path, String token, String json)
			throws Exception {
		return PlatformCalls.staff(method, platform.site() + path, token, json);
	}

	private static String get(String url) throws Exception {
		return PlatformCalls.get(url).body();
	}

}
