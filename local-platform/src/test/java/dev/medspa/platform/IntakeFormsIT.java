package dev.medspa.platform;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import static dev.medspa.platform.PlatformCalls.get;
import static dev.medspa.platform.PlatformCalls.mailTo;
import static dev.medspa.platform.PlatformCalls.plainText;
import static dev.medspa.platform.PlatformCalls.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The forms before a micro-needling visit, on the packaged platform in headless Chromium:
 * the client follows the link in their e-mail, answers the health questions (one answer
 * calls for review) and signs the consent; the front desk sees the booking needs review;
 * the practitioner of the location reads the answers and declines; the booking is
 * cancelled by the clinic and the client told kindly. Then every topic of the flow is
 * read back: no answer, typed name or note is on any of them.
 */
class IntakeFormsIT {

	private static final Pattern FORMS_LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/forms/[A-Za-z0-9._~-]+");

	/**
	 * What only the client and the practitioner typed: none of it may travel on Kafka.
	 */
	private static final String TEXT_ANSWER = "Last isotretinoin capsule on the ninth of May";

	private static final String SIGNED_NAME = "Ines Intake-Verity";

	private static final String NOTE = "Wait until six months after the last dose";

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
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(platform.site() + "/api/availability?treatment=microneedling&location=walnut-creek").body()
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
	void aClientFillsTheFormsFromTheirEmailAndThePractitionerDeclinesKindly() throws Exception {
		String email = "intake-" + System.nanoTime() + "@example.com";
		String start = field(
				get(platform.site() + "/api/availability?treatment=microneedling&location=walnut-creek").body(),
				"earliest");
		String owner = InstallationTokens.owner(platform.signingKeyFile(), platform.site());
		HttpResponse<String> booked = staff("POST",
				"/api/staff/bookings?overrideReason=Consultation%20held%20by%20phone", owner, """
						{"treatmentId":"microneedling","locationId":"walnut-creek","start":"%s",
						 "client":{"name":"Ines Verity","email":"%s","phone":"+1 925 555 0177"}}
						""".formatted(start, email));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		String bookingId = field(booked.body(), "id");

		// the confirmation carries the forms link (or, had intake been slower than the
		// confirmation's few seconds of grace, a mail of its own does): one mail, never
		// two
		await().atMost(Duration.ofSeconds(60))
			.until(() -> mailTo(email).stream().anyMatch(mail -> FORMS_LINK.matcher(plainText(mail)).find()));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
		List<MimeMessage> withLink = mailTo(email).stream()
			.filter(mail -> FORMS_LINK.matcher(plainText(mail)).find())
			.toList();
		assertThat(withLink).as("mails carrying the forms link").hasSize(1);
		Matcher link = FORMS_LINK.matcher(plainText(withLink.get(0)));
		assertThat(link.find()).isTrue();

		this.browser.open(link.group());
		assertThat(this.browser.text()).contains("Health questions before micro-needling")
			.contains("Consent to micro-needling");
		this.browser.screenshot("intake-forms");
		assertAccessible("intake-forms");

		// a health questionnaire without a name is refused next to the field, answers
		// kept
		String health = "form-microneedling-health";
		for (String question : List.of("skin-infection", "active-acne", "pregnant", "keloids", "bleeding",
				"cancer-treatment", "skin-flare", "sunburn", "retinoids", "injectables")) {
			this.browser.find(By.id(health + "-" + question + "-no")).click();
		}
		this.browser.find(By.id(health + "-isotretinoin-yes")).click();
		this.browser.find(By.id(health + "-other")).sendKeys(TEXT_ANSWER);
		this.browser.go(By.id(health + "-send"));
		assertThat(this.browser.find(By.id(health + "-signed-name-error")).getText()).isNotBlank();
		assertThat(this.browser.find(By.id(health + "-isotretinoin-yes")).isSelected()).isTrue();
		this.browser.find(By.id(health + "-signed-name")).sendKeys(SIGNED_NAME);
		this.browser.go(By.id(health + "-send"));
		assertThat(this.browser.find(By.id(health + "-done")).getText()).contains("Done");

		String consent = "form-microneedling-consent";
		this.browser.find(By.id(consent + "-understood-yes")).click();
		this.browser.find(By.id(consent + "-aftercare-yes")).click();
		this.browser.find(By.id(consent + "-photos-no")).click();
		this.browser.find(By.id(consent + "-signed-name")).sendKeys(SIGNED_NAME);
		this.browser.go(By.id(consent + "-send"));
		assertThat(this.browser.find(By.id("all-done")).getText())
			.contains("Your practitioner may look at your answers");
		this.browser.screenshot("intake-forms-done");

		// the front desk sees the booking is not ready, but not why, and cannot read the
		// answers
		signIn("frontdesk.walnutcreek@clinic.example");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			this.browser.open(platform.site() + "/staff/bookings/" + bookingId);
			return this.browser.all(By.id("intake-status")).size() == 1
					&& this.browser.find(By.id("intake-status")).getText().contains("review");
		});
		assertThat(this.browser.all(By.id("intake-link"))).isEmpty();
		this.browser.open(platform.site() + "/staff/locations/walnut-creek/intake/" + bookingId);
		assertThat(this.browser.text()).contains("Only practitioners and managers of this location")
			.doesNotContain(TEXT_ANSWER);
		this.browser.deleteCookies();

		// the practitioner reads the answers, the flagged one standing out, and declines
		signIn("practitioner.walnutcreek@clinic.example");
		this.browser.open(platform.site() + "/staff/bookings/" + bookingId);
		this.browser.go(By.id("intake-link"));
		assertThat(this.browser.text()).contains(TEXT_ANSWER).contains(SIGNED_NAME).contains("Flagged");
		this.browser.screenshot("intake-review");
		assertAccessible("intake-review");
		new Select(this.browser.find(By.id("decline-reason"))).selectByValue("NOT_SUITABLE_NOW");
		this.browser.find(By.id("decline-note")).sendKeys(NOTE);
		this.browser.go(By.id("decline"));
		assertThat(this.browser.find(By.id("intake-status")).getText()).containsIgnoringCase("declined");

		// booking-service cancels as the clinic; the client is told kindly, without
		// health
		// details
		await().atMost(Duration.ofSeconds(60))
			.until(() -> staff("GET", "/api/staff/bookings/" + bookingId, owner, null).body()
				.contains("\"status\":\"CANCELLED\""));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> mailTo(email).stream()
				.anyMatch(mail -> plainText(mail).contains("practitioner")
						&& subject(mail).toLowerCase(java.util.Locale.ROOT).contains("cancel")));
		String cancellation = mailTo(email).stream()
			.filter(mail -> subject(mail).toLowerCase(java.util.Locale.ROOT).contains("cancel"))
			.map(PlatformCalls::plainText)
			.findFirst()
			.orElseThrow();
		assertThat(cancellation).doesNotContain("isotretinoin", TEXT_ANSWER, NOTE);

		// nothing anybody typed into the forms or the review is on any topic of the flow
		List<String> leaks = new ArrayList<>();
		for (ConsumerRecord<String, String> record : everyRecord(platform.topicPrefix())) {
			String value = String.valueOf(record.value());
			for (String secret : List.of(TEXT_ANSWER, SIGNED_NAME, NOTE, "isotretinoin", "Accutane")) {
				if (value.contains(secret)) {
					leaks.add(record.topic() + " carries \"" + secret + "\"");
				}
			}
		}
		assertThat(leaks).isEmpty();
	}

	/** Every record on every topic of this platform, from the beginning. */
	private static List<ConsumerRecord<String, String>> everyRecord(String prefix) throws Exception {
		String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
		Set<String> topics;
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			topics = admin.listTopics().names().get();
		}
		List<String> ours = topics.stream().filter(topic -> topic.startsWith(prefix)).toList();
		assertThat(ours).as("the platform's topics")
			.anyMatch(topic -> topic.endsWith("intake.events.v1"))
			.anyMatch(topic -> topic.endsWith("booking.events.v1"));
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"intake-leak-check-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(ours);
			// read until two polls in a row bring nothing, with something read
			int quiet = 0;
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while ((quiet < 3 || records.isEmpty()) && System.nanoTime() < deadline) {
				int before = records.size();
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
				quiet = records.size() == before ? quiet + 1 : 0;
			}
		}
		assertThat(records).as("records read back").anyMatch(record -> record.topic().endsWith("intake.events.v1"));
		return records;
	}

	private static HttpResponse<String> staff(String method, String path, String token, String json) throws Exception {
		return PlatformCalls.staff(method, platform.site() + path, token, json);
	}

	private void signIn(String email) throws Exception {
		this.browser.open(platform.site() + "/staff/sign-in");
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("password")).sendKeys(platform.demoPassword(email));
		this.browser.go(By.id("sign-in"));
		assertThat(this.browser.url()).containsPattern("/staff(\\?continue)?$");
	}

	private void assertAccessible(String page) {
		assertThat(this.browser.accessibilityViolations()).as("serious accessibility violations on " + page).isEmpty();
	}

}
