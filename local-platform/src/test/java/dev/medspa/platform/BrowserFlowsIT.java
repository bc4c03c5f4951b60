package dev.medspa.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages as people use them, in headless Chromium, against the packaged gateway and
 * services on the real broker, store and SMTP server: a client books, reads the mail,
 * moves and cancels through its link; staff sign in and run the day; a front desk sees
 * only their location; wrong passwords, ended sessions, double clicks and a slot taken in
 * between each end in a clear message and never in a second booking.
 */
class BrowserFlowsIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern MANAGE_LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/manage/[A-Za-z0-9._~-]+");

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
		// no quiet hours, so a waitlist offer goes out whatever the hour of the run
		platform = new PackagedPlatform(home,
				java.util.Map.of("MEDSPA_WAITLIST_QUIETSTART", "00:00", "MEDSPA_WAITLIST_QUIETEND", "00:00"));
		// booking-service answers from its copy of the catalog, which arrives over Kafka
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(platform.site() + "/api/availability?treatment=microneedling-consultation&location=any")
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
	void aClientBooksFromTheHomePageThenMovesAndCancelsThroughTheLinkInTheMail() throws Exception {
		String email = "browser-" + System.nanoTime() + "@example.com";
		this.browser.open(platform.site() + "/");
		assertAccessible("home");
		this.browser.go(By.linkText("Book a micro-needling consultation"));
		assertThat(this.browser.text()).contains("Where would you like to come?");
		this.browser.go(By.cssSelector("a[aria-label='See the calendar of Walnut Creek']"));
		// a day far enough ahead that online changes are still open
		WebElement day = firstAvailableDay(java.time.LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(3));
		this.browser.screenshot("booking-calendar");
		assertAccessible("booking-calendar");
		this.browser.go(day);
		assertThat(this.browser.text()).contains("Times are in");
		assertAccessible("booking-times");
		this.browser.go(this.browser.all(By.cssSelector(".times button")).get(0));

		assertThat(this.browser.text()).contains("We hold this time for you until");
		this.browser.go(By.id("book"));
		assertThat(this.browser.text()).contains("Name must not be blank");
		assertAccessible("booking-details-with-errors");
		this.browser.find(By.id("name")).sendKeys("Ana Gomez");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0199");
		this.browser.go(By.id("book"));

		assertThat(this.browser.text()).contains("You are booked");
		this.browser.screenshot("booking-confirmed");
		assertThat(this.browser.find(By.linkText("Add to calendar (.ics)")).getAttribute("href"))
			.endsWith("/calendar.ics");

		MimeMessage confirmation = awaitMail(email, 1);
		Matcher link = MANAGE_LINK.matcher(plainText(confirmation));
		assertThat(link.find()).as("the confirmation links to the manage page").isTrue();
		String uid = calendarField(confirmation, "UID");
		int sequence = Integer.parseInt(calendarField(confirmation, "SEQUENCE"));

		this.browser.open(link.group());
		assertThat(this.browser.find(By.id("status")).getText()).isEqualTo("Confirmed");
		String before = this.browser.find(By.id("when")).getText();
		assertAccessible("manage");
		this.browser.go(By.linkText("Move to another time"));
		this.browser.go(firstAvailableDay(java.time.LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(3)));
		List<WebElement> times = this.browser.all(By.cssSelector(".times button"));
		this.browser.go(times.get(times.size() - 1));
		assertThat(this.browser.text()).contains("Your appointment has been moved");
		assertThat(this.browser.find(By.id("when")).getText()).isNotEqualTo(before);

		MimeMessage update = awaitMail(email, 2);
		assertThat(calendarField(update, "UID")).isEqualTo(uid);
		assertThat(Integer.parseInt(calendarField(update, "SEQUENCE"))).isGreaterThan(sequence);

		this.browser.go(By.linkText("Cancel"));
		this.browser.go(By.id("confirm-cancel"));
		assertThat(this.browser.text()).contains("Your appointment has been cancelled");
		assertThat(this.browser.find(By.id("status")).getText()).isEqualTo("Cancelled");
		awaitMail(email, 3);
	}

	@Test
	void aTreatmentWhoseRulesReadTheHistoryAsksForTheCodeSentToTheAddressFirst() throws Exception {
		String email = "coded-" + System.nanoTime() + "@example.com";
		holdFirstTime("microneedling", "walnut-creek");
		this.browser.find(By.id("name")).sendKeys("Cody Code");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0123");
		this.browser.go(By.id("book"));
		assertThat(this.browser.find(By.id("code-notice")).getText())
			.contains("we have sent a 6-digit code to " + email)
			.doesNotContain("consultation");
		this.browser.screenshot("booking-email-code");
		assertAccessible("booking-email-code");

		MimeMessage mail = awaitMail(email, 1);
		String code = mail.getSubject().replaceAll(".*: ", "");
		this.browser.find(By.id("emailCode")).sendKeys("000000".equals(code) ? "111111" : "000000");
		this.browser.go(By.id("book"));
		assertThat(this.browser.find(By.id("code-error")).getText()).contains("is not the one we sent");

		this.browser.find(By.id("emailCode")).clear();
		this.browser.find(By.id("emailCode")).sendKeys(code);
		this.browser.go(By.id("book"));
		// the reader of the address hears what the rules say of it: no consultation yet
		assertThat(this.browser.text()).contains("This treatment starts with a consultation");
		assertThat(this.browser.find(By.linkText("Book a consultation")).getAttribute("href"))
			.endsWith("/book/microneedling-consultation");
	}

	@Test
	void anOwnerReadsTheAuditLogOfTheWholeChainFiltered() throws Exception {
		signIn("owner@clinic.example");
		this.browser.go(By.linkText("Audit log"));
		assertThat(this.browser.find(By.id("audit")).getText()).contains("sign-in").contains("owner@clinic.example");
		this.browser.screenshot("audit-log");
		assertAccessible("audit-log");
		this.browser.find(By.id("actor")).sendKeys("nobody@clinic.example");
		this.browser.go(By.id("filter"));
		assertThat(this.browser.find(By.id("no-entries")).getText()).isEqualTo("No entries match.");

		this.browser.deleteCookies();
		signIn("frontdesk.walnutcreek@clinic.example");
		this.browser.open(platform.site() + "/staff/admin/audit");
		assertThat(this.browser.text()).doesNotContain("owner@clinic.example");
		// nor the owners' other pages, staff accounts and client data
		for (String page : List.of("/staff/admin/staff", "/staff/admin/clients")) {
			this.browser.open(platform.site() + page);
			assertThat(this.browser.text()).as(page)
				.doesNotContain("Add a member of staff")
				.doesNotContain("Send the client a code");
		}
	}

	@Test
	void anOwnerHandsAClientTheirDataAndErasesItWithTheCodeTheClientReadsOut() throws Exception {
		String email = "forget-me-" + System.nanoTime() + "@example.com";
		java.time.LocalDate from = java.time.LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(40);
		String start = field(get(platform.site() + "/api/availability?treatment=microneedling-consultation"
				+ "&location=san-ramon&from=" + from + "&to=" + from.plusDays(6)), "earliest");
		HttpResponse<String> booked = post(platform.site() + "/api/bookings", """
				{"treatmentId":"microneedling-consultation","locationId":"san-ramon","start":"%s",
				 "client":{"name":"Frances Forget","email":"%s","phone":"+1 925 555 0166"}}
				""".formatted(start, email));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		awaitMail(email, 1);

		signIn("owner@clinic.example");
		this.browser.go(By.linkText("Client data"));
		this.browser.find(By.id("code-email")).sendKeys(email);
		this.browser.go(By.id("send-code"));
		assertThat(this.browser.find(By.id("done")).getText()).contains("A code is on its way");
		String code = awaitMail(email, 2).getSubject().replaceAll(".*: ", "");
		this.browser.screenshot("client-data");
		assertAccessible("client-data");

		// the whole chain's data in one file, through the API
		HttpResponse<String> exported = HTTP.send(HttpRequest
			.newBuilder(URI.create(platform.site() + "/api/staff/clients/export"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + InstallationTokens.owner(platform.signingKeyFile(), platform.site()))
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"email":"%s","emailCode":"%s","reason":"Asked at the desk"}""".formatted(email, code)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
		assertThat(exported.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				disposition -> assertThat(disposition).contains("attachment").contains("client-data.json"));
		assertThat(exported.body()).contains("\"bookingService\"")
			.contains("\"notificationService\"")
			.contains("Frances Forget")
			.contains("CONFIRMATION");

		this.browser.find(By.id("email")).clear();
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("emailCode")).sendKeys(code);
		this.browser.find(By.id("reason")).sendKeys("Asked at the desk");
		this.browser.find(By.id("confirmed")).click();
		this.browser.go(By.id("erase"));
		assertThat(this.browser.find(By.id("problem")).getText()).contains("bookings still to come");

		HttpResponse<String> cancelled = HTTP.send(HttpRequest
			.newBuilder(URI.create(platform.site() + "/api/staff/bookings/" + field(booked.body(), "id") + "/cancel"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + InstallationTokens.owner(platform.signingKeyFile(), platform.site()))
			.POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Client leaves us\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(cancelled.statusCode()).isEqualTo(200);
		this.browser.find(By.id("email")).clear();
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("emailCode")).sendKeys(code);
		this.browser.find(By.id("reason")).sendKeys("Asked at the desk");
		this.browser.find(By.id("confirmed")).click();
		this.browser.go(By.id("erase"));
		assertThat(this.browser.find(By.id("done")).getText()).contains("from 1 bookings");
	}

	@Test
	void anUnknownManageLinkIsAFriendlyPageWithoutReferrer() throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(platform.site() + "/manage/not-a-real-link.at-all")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.body()).contains("This link does not open an appointment");
	}

	@Test
	void aDoubleClickOnBookMakesOneBooking() throws Exception {
		String email = "double-" + System.nanoTime() + "@example.com";
		holdFirstTime("san-ramon");
		this.browser.find(By.id("name")).sendKeys("Dana Double");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0100");
		// two submissions of the same form at once, as a double click without the page's
		// guard
		Object statuses = this.browser.asyncScript(
				"""
						const done = arguments[arguments.length - 1];
						const form = document.querySelector('form.stack');
						const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'follow'})
						  .then(r => r.status);
						Promise.all([send(), send()]).then(done);
						""");
		assertThat(statuses).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsOnly(200L);
		this.browser.open(this.browser.url());
		assertThat(this.browser.text()).contains("You are booked");
		awaitMail(email, 1);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> mailTo(email).size() == 1);
	}

	@Test
	void aTimeTakenBetweenChoosingAndConfirmingIsExplained() throws Exception {
		this.browser.open(platform.site() + "/book/microneedling-consultation/scottsdale");
		this.browser.go(firstAvailableDay());
		WebElement first = this.browser.all(By.cssSelector(".times button")).get(0);
		String start = this.browser.find(By.cssSelector(".times input[name=slot]")).getAttribute("value");
		// others book that time through the API, until nobody is left for it, while this
		// client hesitates
		int status = 201;
		for (int booked = 0; status == 201 && booked < 10; booked++) {
			status = post(platform.site() + "/api/bookings", """
					{"treatmentId":"microneedling-consultation","locationId":"scottsdale","start":"%s",
					 "client":{"name":"Quick Other","email":"quick-%d@example.com","phone":"+1 480 555 0100"}}
					""".formatted(start, System.nanoTime())).statusCode();
		}
		assertThat(status).isEqualTo(409);
		this.browser.go(first);
		assertThat(this.browser.text()).contains("Someone has just taken this time");
		this.browser.screenshot("slot-taken");
	}

	@Test
	void aStaffMemberSignsInRunsTheDayAndSeesTheAftercarePlan() throws Exception {
		// a booking later today, then the clocks move to just after its start
		String booked = staffBooksMicroneedling("walnut-creek", "day-" + System.nanoTime());
		String bookingId = field(booked, "id");
		OffsetDateTime start = OffsetDateTime.parse(field(booked, "start"));
		try {
			platform.shiftClock(Duration.between(Instant.now(), start.toInstant().plus(Duration.ofMinutes(20))));
			signIn("frontdesk.walnutcreek@clinic.example");
			this.browser.go(By.cssSelector("a[aria-label='Day sheet of Walnut Creek']"));
			assertThat(this.browser.url()).contains("/staff/day/walnut-creek/"
					+ start.atZoneSameInstant(ZoneId.of("America/Los_Angeles")).toLocalDate());
			this.browser.screenshot("day-sheet");
			assertAccessible("day-sheet");
			this.browser.go(By.cssSelector("a.block[href$='/staff/bookings/" + bookingId + "']"));
			this.browser.go(By.id("check-in"));
			assertThat(this.browser.find(By.id("status")).getText()).isEqualTo("CHECKED_IN");
			this.browser.go(By.id("complete"));
			assertThat(this.browser.text()).contains("Completed. The aftercare messages are planned");
			assertThat(this.browser.find(By.id("status")).getText()).isEqualTo("COMPLETED");
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				this.browser.open(this.browser.url());
				assertThat(this.browser.find(By.id("ledger")).getText()).contains("AFTERCARE");
			});
			this.browser.screenshot("booking-ledger");
		}
		finally {
			platform.shiftClock(Duration.ZERO);
		}
	}

	@Test
	void aManagerEditsATreatmentAndClientsSeeItWhileAStaleEditOverwritesNothing() throws Exception {
		signIn("manager@clinic.example");
		this.browser.go(By.linkText("Treatments"));
		this.browser.go(By.linkText("Hydrating facial"));
		String editUrl = this.browser.url();
		WebElement description = this.browser.find(By.id("description"));
		description.clear();
		description.sendKeys("A calm hour of cleansing, gentle exfoliation and a deep hydrating serum.");
		this.browser.go(By.id("save"));
		assertThat(this.browser.text()).contains("Saved. Clients see the change now.");

		this.browser.open(platform.site() + "/treatments/hydrating-facial");
		assertThat(this.browser.text()).contains("A calm hour of cleansing, gentle exfoliation");

		// an edit made on a version someone else has changed since is shown, not saved
		this.browser.open(editUrl);
		this.browser.script("document.querySelector('input[name=version]').value = '1'");
		WebElement name = this.browser.find(By.id("name"));
		name.clear();
		name.sendKeys("Stale facial name");
		this.browser.go(By.id("save"));
		assertThat(this.browser.find(By.id("problem")).getText())
			.contains("Someone else changed this treatment after you opened it")
			.contains("Your name: Stale facial name");
		assertThat(get(platform.site() + "/api/treatments/hydrating-facial")).contains("\"name\":\"Hydrating facial\"");

		// and a location: its phone and a later closing on Fridays
		this.browser.open(platform.site() + "/staff");
		this.browser.go(By.linkText("Locations"));
		assertThat(this.browser.all(By.linkText("Scottsdale"))).as("not a location of this manager").isEmpty();
		this.browser.go(By.linkText("San Ramon"));
		WebElement phone = this.browser.find(By.id("phone"));
		phone.clear();
		phone.sendKeys("+1 925 555 0177");
		this.browser.go(By.id("save-location"));
		assertThat(this.browser.text()).contains("Saved. Availability and clients see the change");
		assertAccessible("location");
		assertThat(get(platform.site() + "/api/locations/san-ramon")).contains("+1 925 555 0177");
		this.browser.open(platform.site() + "/staff/catalog/locations/scottsdale");
		assertThat(this.browser.text()).contains("Your account does not give access to this page");
	}

	@Test
	void aManagerKeepsAScheduleAndAStaleEditShowsTheCurrentOne() throws Exception {
		signIn("manager@clinic.example");
		this.browser.go(By.linkText("Schedules"));
		this.browser.go(By.linkText("Maya Chen"));
		String scheduleUrl = this.browser.url();
		String off = java.time.LocalDate.now().plusDays(60).toString();
		setDate(this.browser.all(By.name("exceptionDate")).get(countRows("#exceptions") - 2), off);
		this.browser.go(By.id("save-schedule"));
		assertThat(this.browser.text()).contains("Saved. Availability follows at once.");
		assertAccessible("schedule");
		assertThat(this.browser.all(By.name("exceptionDate")).stream().map(input -> input.getAttribute("value")))
			.contains(off);

		this.browser.open(scheduleUrl);
		this.browser.script("document.querySelector('input[name=version]').value = '1'");
		this.browser.go(By.id("save-schedule"));
		assertThat(this.browser.find(By.id("problem")).getText())
			.contains("Someone else changed this schedule after you opened it");
	}

	@Test
	void aManagerAddsAPractitionerAndSetsTheirHoursInOneGo() throws Exception {
		signIn("manager@clinic.example");
		this.browser.go(By.linkText("Schedules"));
		this.browser.go(By.linkText("Add a practitioner"));
		this.browser.find(By.id("displayName")).sendKeys("Noor Haddad");
		this.browser.find(By.id("role")).sendKeys("Aesthetician");
		this.browser.find(By.cssSelector("input[name=qualifications][value=microneedling]")).click();
		this.browser.find(By.cssSelector("input[name=locations][value=walnut-creek]")).click();
		this.browser.go(By.id("create-practitioner"));
		assertThat(this.browser.text()).contains("Noor Haddad is in the catalog. Now set the hours they work");

		// the first empty weekly row: Mondays at Walnut Creek, 9 to 5
		this.browser.script("""
				const row = document.querySelectorAll('#weekly tbody tr')[0];
				row.querySelector('select[name=day]').value = 'MONDAY';
				row.querySelector('select[name=location]').value = 'walnut-creek';
				row.querySelector('input[name=start]').value = '09:00';
				row.querySelector('input[name=end]').value = '17:00';
				""");
		this.browser.go(By.id("save-schedule"));
		assertThat(this.browser.text()).contains("Saved. Availability follows at once.");
	}

	@Test
	void timeOffOverABookedDayListsTheBookingAndOnceConfirmedItWaitsForStaff() throws Exception {
		java.time.LocalDate from = java.time.LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(20);
		String start = field(
				get(platform.site() + "/api/availability?treatment=microneedling-consultation"
						+ "&location=walnut-creek&practitioner=daniel-ortiz&from=" + from + "&to=" + from.plusDays(6)),
				"earliest");
		String client = "Robin Stranded";
		HttpResponse<String> booked = post(platform.site() + "/api/bookings", """
				{"treatmentId":"microneedling-consultation","locationId":"walnut-creek","practitionerId":"daniel-ortiz",
				 "start":"%s","client":{"name":"%s","email":"robin-%d@example.com","phone":"+1 925 555 0112"}}
				""".formatted(start, client, System.nanoTime()));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

		signIn("manager@clinic.example");
		this.browser.go(By.linkText("Schedules"));
		this.browser.go(By.linkText("Daniel Ortiz"));
		setDate(this.browser.all(By.name("exceptionDate")).get(countRows("#exceptions") - 2),
				java.time.OffsetDateTime.parse(start).toLocalDate().toString());
		this.browser.go(By.id("save-schedule"));
		assertThat(this.browser.find(By.id("problem")).getText())
			.contains("These confirmed bookings would be outside the new hours");
		assertThat(this.browser.find(By.id("affected")).getText()).contains(client);
		this.browser.screenshot("schedule-affected-bookings");
		assertAccessible("schedule-affected-bookings");

		this.browser.go(By.id("confirm-schedule"));
		assertThat(this.browser.text()).contains("Saved. The bookings outside the new hours");
		this.browser.go(By.linkText("Bookings that need attention"));
		assertThat(this.browser.find(By.id("attention")).getText()).contains(client)
			.contains("Outside the practitioner's hours");
		this.browser.screenshot("attention");
		assertAccessible("attention");
	}

	@Test
	void aDeviceTakenOutOfUseShowsItsBookingsFirstAndThenTheyWaitForStaff() throws Exception {
		java.time.LocalDate from = java.time.LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(25);
		String start = field(get(platform.site() + "/api/availability?treatment=microneedling-prp"
				+ "&location=walnut-creek&from=" + from + "&to=" + from.plusDays(6)), "earliest");
		String client = "Casey Centrifuge";
		HttpResponse<String> booked = HTTP.send(HttpRequest
			.newBuilder(URI.create(platform.site() + "/api/staff/bookings?overrideReason=Consulted+elsewhere"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + InstallationTokens.owner(platform.signingKeyFile(), platform.site()))
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"treatmentId":"microneedling-prp","locationId":"walnut-creek","start":"%s",
					 "client":{"name":"%s","email":"casey@example.com","phone":"+1 925 555 0113"}}
					""".formatted(start, client)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

		signIn("manager@clinic.example");
		this.browser.go(By.linkText("Locations"));
		this.browser.go(By.linkText("Walnut Creek"));
		this.browser.find(By.cssSelector("input[aria-label='Device in use, row 2']")).click();
		this.browser.go(By.id("save-location"));
		assertThat(this.browser.find(By.id("affected")).getText()).contains(client);
		this.browser.screenshot("location-affected-bookings");
		assertAccessible("location-affected-bookings");
		this.browser.go(By.id("confirm-location"));
		assertThat(this.browser.text()).contains("Saved. The bookings that used what you took out of use");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			this.browser.open(platform.site() + "/staff/attention");
			assertThat(this.browser.text()).contains(client)
				.contains("Device walnut-creek-centrifuge is out of service");
		});
	}

	/**
	 * A client joins the waitlist for a facial on the page; another client's booking in
	 * the window is cancelled; the offer arrives by e-mail and books the held time in one
	 * click; the offer then says it is booked, and staff see the waiter and the offer's
	 * fate.
	 */
	@Test
	void aWaiterJoinsOnThePageAndBooksTheFreedTimeFromTheOfferInTheMail() throws Exception {
		String waiter = "waiter-" + System.nanoTime() + "@example.com";
		ZoneId zone = ZoneId.of("America/Los_Angeles");
		java.time.LocalDate from = java.time.LocalDate.now(zone).plusDays(2);
		this.browser.open(platform.site() + "/treatments/hydrating-facial");
		this.browser.go(By.id("waitlist-link"));
		new org.openqa.selenium.support.ui.Select(this.browser.find(By.id("locationId"))).selectByValue("walnut-creek");
		setDate(this.browser.find(By.id("from")), from.toString());
		setDate(this.browser.find(By.id("to")), from.plusDays(14).toString());
		this.browser.go(By.id("join-waitlist"));
		assertThat(this.browser.text()).contains("Name must not be blank");
		assertAccessible("waitlist-join-with-errors");
		this.browser.find(By.id("name")).sendKeys("Wren Waiter");
		this.browser.find(By.id("email")).sendKeys(waiter);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0166");
		this.browser.go(By.id("join-waitlist"));
		assertThat(this.browser.text()).contains("You are on the waitlist");
		this.browser.screenshot("waitlist-joined");
		Matcher place = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/waitlist/[A-Za-z0-9._~-]+")
			.matcher(plainText(awaitMail(waiter, 1)));
		assertThat(place.find()).as("the joined mail links to the place").isTrue();

		String availability = get(
				platform.site() + "/api/availability?treatment=hydrating-facial&location=walnut-creek&from=" + from
						+ "&to=" + from.plusDays(6));
		String start = field(availability, "earliest");
		HttpResponse<String> booked = post(platform.site() + "/api/bookings", """
				{"treatmentId":"hydrating-facial","locationId":"walnut-creek","start":"%s",
				 "client":{"name":"Cal Canceller","email":"canceller-%s@example.com","phone":"+1 925 555 0167"}}
				""".formatted(start, System.nanoTime()));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		String manage = field(booked.body().replaceAll("\\s", ""), "token");
		assertThat(post(platform.site() + "/api/manage/" + manage + "/cancel", "").statusCode()).isEqualTo(200);

		MimeMessage offerMail = awaitMail(waiter, 2);
		Matcher offer = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/offer/[A-Za-z0-9._~-]+")
			.matcher(plainText(offerMail));
		assertThat(offer.find()).as("the offer mail links to the offer").isTrue();
		this.browser.open(place.group());
		assertThat(this.browser.find(By.id("offer")).getText()).isNotBlank();
		this.browser.open(offer.group());
		this.browser.screenshot("waitlist-offer");
		assertAccessible("waitlist-offer");
		this.browser.go(By.id("book-offer"));
		assertThat(this.browser.text()).contains("You are booked");
		assertThat(this.browser.find(By.id("manage-link")).getAttribute("href")).contains("/manage/");
		this.browser.open(offer.group());
		assertThat(this.browser.text()).contains("You have booked this time");
		assertThat(this.browser.all(By.id("book-offer"))).isEmpty();
		awaitMail(waiter, 3);

		signIn("manager@clinic.example");
		this.browser.open(platform.site() + "/staff/waitlist/walnut-creek");
		// the demo waiters, still in line for the consultation
		assertThat(this.browser.find(By.id("waiters")).getText()).contains("Nora Waite");
		this.browser.screenshot("staff-waitlist");
		assertAccessible("staff-waitlist");
	}

	/**
	 * A client whose consultation is done books the whole micro-needling course on the
	 * pages: the proposal, the e-mail code, and one confirmation page with a manage link
	 * for every session.
	 */
	@Test
	void aConsultedClientBooksTheWholeCourseOnThePages() throws Exception {
		String email = "course-" + System.nanoTime() + "@example.com";
		completedConsultation(email);
		ZoneId zone = ZoneId.of("America/Los_Angeles");
		this.browser.open(platform.site() + "/treatments/microneedling");
		this.browser.go(By.id("series-link"));
		this.browser.go(By.id("series-at-walnut-creek"));
		setDate(this.browser.find(By.id("series-date")), weekdayFrom(3).toString());
		this.browser.go(By.id("show-times"));
		this.browser.go(By.id("first-0"));
		assertThat(this.browser.find(By.id("session-3-time")).getAttribute("value")).isNotBlank();
		this.browser.screenshot("series-plan");
		assertAccessible("series-plan");
		this.browser.find(By.id("name")).sendKeys("Cora Course");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0177");
		this.browser.go(By.id("book-series"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> mailTo(email).stream().anyMatch(mail -> subject(mail).matches(".*: \\d{6}")));
		String code = mailTo(email).stream()
			.map(BrowserFlowsIT::subject)
			.filter(subject -> subject.matches(".*: \\d{6}"))
			.findFirst()
			.orElseThrow()
			.replaceAll(".*: ", "");
		this.browser.find(By.id("emailCode")).sendKeys(code);
		this.browser.go(By.id("book-series"));
		assertThat(this.browser.find(By.id("series-booked")).getText()).isNotBlank();
		this.browser.screenshot("series-booked");
		assertAccessible("series-booked");
		String second = this.browser.find(By.id("manage-link-2")).getAttribute("href");
		assertThat(this.browser.all(By.id("manage-link-3"))).hasSize(1);
		this.browser.open(second);
		assertThat(this.browser.find(By.id("status")).getText()).isEqualTo("Confirmed");
	}

	/**
	 * The front desk books a whole course for a consulted client; the client gets one
	 * confirmation listing every session, with an invite for each.
	 */
	@Test
	void aFrontDeskBooksTheWholeCourseForAConsultedClient() throws Exception {
		String email = "desk-course-" + System.nanoTime() + "@example.com";
		completedConsultation(email);
		signIn("frontdesk.walnutcreek@clinic.example");
		this.browser.go(By.id("series-link-walnut-creek"));
		assertThat(this.browser.url()).endsWith("/staff/series/walnut-creek");
		new org.openqa.selenium.support.ui.Select(this.browser.find(By.id("series-treatment")))
			.selectByValue("microneedling");
		setDate(this.browser.find(By.id("series-date")), weekdayFrom(4).toString());
		this.browser.go(By.id("show-times"));
		this.browser.go(By.id("first-0"));
		assertThat(this.browser.find(By.id("book-series")).getText()).isEqualTo("Book all 3 sessions");
		assertAccessible("staff-series-plan");
		this.browser.find(By.id("name")).sendKeys("Cora Course");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("phone")).sendKeys("+1 925 555 0177");
		this.browser.go(By.id("book-series"));
		assertThat(this.browser.all(By.cssSelector("#series-sessions li"))).hasSize(3);
		this.browser.screenshot("staff-series-booked");
		assertAccessible("staff-series-booked");
		this.browser.go(By.id("booking-link-2"));
		assertThat(this.browser.find(By.id("status")).getText()).isEqualTo("CONFIRMED");

		await().atMost(Duration.ofSeconds(60))
			.until(() -> mailTo(email).stream().anyMatch(mail -> subject(mail).startsWith("Your 3 appointments at")));
		MimeMessage course = mailTo(email).stream()
			.filter(mail -> subject(mail).startsWith("Your 3 appointments at"))
			.findFirst()
			.orElseThrow();
		assertThat(String.valueOf(course.getContentType())).contains("multipart");
		assertThat(invites(course)).as("one invite per session").isEqualTo(3);
	}

	/**
	 * The first weekday (when the demo practitioners work at Walnut Creek) at least so
	 * many days ahead, in Walnut Creek's zone.
	 */
	private static java.time.LocalDate weekdayFrom(int days) {
		java.time.LocalDate day = java.time.LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(days);
		while (day.getDayOfWeek().getValue() > 5) {
			day = day.plusDays(1);
		}
		return day;
	}

	private static int invites(Part part) throws Exception {
		if (part.isMimeType("text/calendar")) {
			return 1;
		}
		int count = 0;
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				count += invites(multipart.getBodyPart(i));
			}
		}
		return count;
	}

	/**
	 * A consultation booked for the address later today, checked in and completed with
	 * the platform's clocks moved to just after its start.
	 */
	private static void completedConsultation(String email) throws Exception {
		String availability = get(
				platform.site() + "/api/availability?treatment=microneedling-consultation&location=walnut-creek");
		String start = field(availability, "earliest");
		String token = InstallationTokens.owner(platform.signingKeyFile(), platform.site());
		HttpResponse<String> booked = staffCall("POST", "/api/staff/bookings", token, """
				{"treatmentId":"microneedling-consultation","locationId":"walnut-creek","start":"%s",
				 "client":{"name":"Cora Course","email":"%s","phone":"+1 925 555 0177"}}
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
	}

	private static String subject(MimeMessage mail) {
		try {
			return String.valueOf(mail.getSubject());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> staffCall(String method, String path, String token, String json)
			throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(platform.site() + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int countRows(String table) {
		return this.browser.all(By.cssSelector(table + " tbody tr")).size();
	}

	private void setDate(WebElement input, String isoDate) {
		this.browser.script("arguments[0].value = arguments[1]", input, isoDate);
	}

	@Test
	void aFrontDeskOfOneLocationCannotOpenAnothersDaySheetPageOrApi() throws Exception {
		signIn("frontdesk.sanramon@clinic.example");
		assertThat(this.browser.all(By.cssSelector("a[aria-label='Day sheet of Walnut Creek']"))).isEmpty();
		assertThat(this.browser.all(By.linkText("Treatments"))).isEmpty();
		this.browser.open(platform.site() + "/staff/catalog/treatments");
		assertThat(this.browser.text()).contains("Your account does not give access to this page");
		String today = java.time.LocalDate.now(ZoneId.of("America/Los_Angeles")).toString();
		this.browser.open(platform.site() + "/staff/day/walnut-creek/" + today);
		assertThat(this.browser.text()).contains("Your account does not give access to this page");
		this.browser.open(platform.site() + "/staff/api-token");
		String token = this.browser.find(By.id("token")).getText().trim();
		HttpResponse<String> api = HTTP
			.send(HttpRequest.newBuilder(URI.create(platform.site() + "/api/staff/day-sheets/walnut-creek/" + today))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(403);
		HttpResponse<String> own = HTTP
			.send(HttpRequest.newBuilder(URI.create(platform.site() + "/api/staff/day-sheets/san-ramon/" + today))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(own.statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordAndAnEndedSessionEachSayWhatHappened() throws Exception {
		this.browser.open(platform.site() + "/staff");
		this.browser.find(By.id("email")).sendKeys("manager@clinic.example");
		this.browser.find(By.id("password")).sendKeys("not-the-password");
		this.browser.go(By.id("sign-in"));
		assertThat(this.browser.find(By.id("sign-in-error")).getText())
			.isEqualTo("The e-mail or the password is not right.");
		assertAccessible("sign-in-error");

		signIn("manager@clinic.example");
		assertThat(this.browser.text()).contains("Hello, Morgan Manager");
		this.browser.deleteCookies();
		this.browser.script("document.cookie = 'JSESSIONID=ended-session; path=/'");
		this.browser.open(platform.site() + "/staff");
		assertThat(this.browser.text()).contains("Your session has ended. Please sign in again.");
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefusedByEveryService() throws Exception {
		Path otherKey = home.resolve("other-key.json");
		java.nio.file.Files.writeString(otherKey,
				new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("forged").generate().toJSONString());
		String forged = InstallationTokens.owner(otherKey, platform.site());
		for (String path : List.of("/api/staff/treatments", "/api/staff/day-sheets/walnut-creek/2026-12-01",
				"/api/staff/notifications?booking=x")) {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.site() + path))
				.header("Authorization", "Bearer " + forged)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(401);
		}
		String genuine = InstallationTokens.owner(platform.signingKeyFile(), platform.site());
		HttpResponse<String> accepted = HTTP
			.send(HttpRequest.newBuilder(URI.create(platform.site() + "/api/staff/treatments"))
				.header("Authorization", "Bearer " + genuine)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(200);
	}

	private void signIn(String email) throws Exception {
		this.browser.open(platform.site() + "/staff/sign-in");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("password")).sendKeys(platform.demoPassword(email));
		this.browser.go(By.id("sign-in"));
		assertThat(this.browser.url()).containsPattern("/staff(\\?continue)?$");
	}

	private void holdFirstTime(String location) {
		holdFirstTime("microneedling-consultation", location);
	}

	private void holdFirstTime(String treatment, String location) {
		this.browser.open(platform.site() + "/book/" + treatment + "/" + location);
		this.browser.go(firstAvailableDay());
		this.browser.go(this.browser.all(By.cssSelector(".times button")).get(0));
		assertThat(this.browser.text()).contains("We hold this time for you until");
	}

	/** The first day with free times, in this month's calendar or the next. */
	private WebElement firstAvailableDay() {
		return firstAvailableDay(java.time.LocalDate.MIN);
	}

	/**
	 * The first day with free times on or after a date, in this month's calendar or the
	 * next.
	 */
	private WebElement firstAvailableDay(java.time.LocalDate notBefore) {
		for (int month = 0; month < 2; month++) {
			for (WebElement day : this.browser.all(By.cssSelector(".calendar a.day"))) {
				String href = String.valueOf(day.getAttribute("href"));
				String date = href.replaceAll("^.*/(\\d{4}-\\d{2}-\\d{2}).*$", "$1");
				if (!java.time.LocalDate.parse(date).isBefore(notBefore)) {
					return day;
				}
			}
			this.browser.go(By.linkText("Later ›"));
		}
		throw new AssertionError("No day with free times from " + notBefore);
	}

	private void assertAccessible(String page) {
		assertThat(this.browser.accessibilityViolations()).as("serious accessibility violations on " + page).isEmpty();
	}

	/**
	 * Staff book micro-needling (whose aftercare the ledger then plans) at the first free
	 * time, past the consultation rule with a reason; answers the booking.
	 */
	private static String staffBooksMicroneedling(String location, String who) throws Exception {
		String availability = get(platform.site() + "/api/availability?treatment=microneedling&location=" + location);
		String start = field(availability, "earliest");
		String token = InstallationTokens.owner(platform.signingKeyFile(), platform.site());
		HttpResponse<String> booked = HTTP.send(HttpRequest
			.newBuilder(URI.create(platform.site() + "/api/staff/bookings?overrideReason=Consulted+elsewhere"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"treatmentId":"microneedling","locationId":"%s","start":"%s",
					 "client":{"name":"Day Client","email":"%s@example.com","phone":"+1 925 555 0111"}}
					""".formatted(location, start, who)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		return booked.body();
	}

	private static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		assertThat(value.find()).as(name + " in " + json).isTrue();
		return value.group(1);
	}

	private static MimeMessage awaitMail(String email, int count) {
		await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(email).size() >= count);
		return mailTo(email).get(count - 1);
	}

	private static List<MimeMessage> mailTo(String email) {
		return SharedInfrastructure.get().mail().receivedBy(email);
	}

	private static String calendarField(Part part, String name) throws Exception {
		if (part.isMimeType("text/calendar")) {
			String ics = new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			Matcher value = Pattern.compile("(?m)^" + name + ":(.+)$").matcher(ics);
			return value.find() ? value.group(1).trim() : "";
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String value = calendarField(multipart.getBodyPart(i), name);
				if (!value.isEmpty()) {
					return value;
				}
			}
		}
		return "";
	}

	private static String plainText(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return "";
	}

	private static String get(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static HttpResponse<String> post(String url, String json) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
