package dev.medspa.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.notification.delivery.Dispatcher;
import dev.medspa.notification.mail.EmailSender;
import dev.medspa.notification.plan.PlanService;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The forms' link goes once per booking, over the real broker, store and SMTP, with the
 * confirmation's grace on (five seconds of a clock moved by hand) and the dispatcher
 * driven by hand: in the confirmation when the forms fell due within the grace, in a mail
 * of its own when they fell due after the confirmation went, and, when the two cross, in
 * whichever the sent confirmation says it was not in.
 */
@SpringBootTest(
		properties = { "medspa.notification.confirmation-grace=PT5S", "medspa.notification.dispatch.interval=PT1H" })
@LocalInfrastructure
class ConfirmationFormsLinkTest {

	static final ZoneId LA = ZoneId.of("America/Los_Angeles");

	static final Instant BOOKED = LocalDateTime.of(2026, 10, 20, 12, 0).atZone(LA).toInstant();

	static final Instant START = LocalDateTime.of(2026, 10, 29, 10, 0).atZone(LA).toInstant();

	static final String CONFIRMED = "Your appointment at Evergreen Med Spa Walnut Creek is confirmed";

	static final String FORMS = "Before your visit: your forms for Evergreen Med Spa Walnut Creek";

	/** What runs while a mail is handed to the SMTP server, once. */
	static final AtomicReference<Runnable> DURING_SEND = new AtomicReference<>();

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock(BOOKED);
		}

		@Bean
		@Primary
		EmailSender sendingWithAHook(@Qualifier("smtpEmailSender") EmailSender smtp) {
			return email -> {
				Runnable meanwhile = DURING_SEND.getAndSet(null);
				if (meanwhile != null) {
					meanwhile.run();
				}
				smtp.send(email);
			};
		}

	}

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicNames topics;

	@Autowired
	MutableClock clock;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	PlanStore plans;

	@Autowired
	PlanService planService;

	@Autowired
	ManageLinks links;

	PipelineFixtures events;

	@BeforeEach
	void catalog() {
		this.clock.set(BOOKED);
		DURING_SEND.set(null);
		this.events = new PipelineFixtures(this.kafka, this.topics);
		this.events.publishCatalog();
	}

	@Test
	void formsDueWithinTheGraceGoInTheConfirmationAndNotOnTheirOwn() {
		String ana = PipelineFixtures.newEmail("ana");
		String id = confirm(ana);
		IntakeStatusChanged due = due(id);
		this.events.publish(due, "intake-" + id);
		this.events.publish(due, "intake-" + id);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.plans.find(id).orElseThrow().forms().isPresent());
		this.dispatcher.dispatchDue();
		assertThat(PipelineFixtures.mailTo(ana)).as("nothing before the grace is over").isEmpty();

		this.clock.advance(Duration.ofSeconds(5));
		this.dispatcher.dispatchDue();

		List<MimeMessage> mail = PipelineFixtures.mailTo(ana);
		assertThat(mail).extracting(ConfirmationFormsLinkTest::subject).containsExactly(CONFIRMED);
		assertThat(PipelineFixtures.part(mail.get(0), "text/plain")).contains("2 short forms")
			.contains("takes a few minutes")
			.contains("Your forms: " + formsLink(id));
		assertThat(PipelineFixtures.part(mail.get(0), "text/html")).contains("href=\"" + formsLink(id) + "\"");
		assertThat(this.plans.find(id).orElseThrow().messages()).extracting(PlannedMessage::id)
			.doesNotContain(id + ":forms:v1");

		// both events again: nothing more
		this.events.publish(confirmed(id, ana));
		this.events.publish(due, "intake-" + id);
		assertNoMoreMail(ana, 1);
	}

	@Test
	void formsDueAfterTheConfirmationWentGoOnTheirOwnOnce() {
		String ben = PipelineFixtures.newEmail("ben");
		String id = confirm(ben);
		this.clock.advance(Duration.ofSeconds(5));
		this.dispatcher.dispatchDue();
		assertThat(PipelineFixtures.mailTo(ben)).extracting(ConfirmationFormsLinkTest::subject)
			.containsExactly(CONFIRMED);
		assertThat(PipelineFixtures.part(PipelineFixtures.mailTo(ben).get(0), "text/plain")).doesNotContain("/forms/");

		IntakeStatusChanged due = due(id);
		this.events.publish(due, "intake-" + id);
		await().atMost(Duration.ofSeconds(30)).until(() -> PipelineFixtures.mailTo(ben).size() == 2);
		MimeMessage forms = PipelineFixtures.mailTo(ben).get(1);
		assertThat(subject(forms)).isEqualTo(FORMS);
		assertThat(PipelineFixtures.part(forms, "text/plain")).contains("Your forms: " + formsLink(id));

		this.events.publish(due, "intake-" + id);
		this.events.publish(confirmed(id, ben));
		assertNoMoreMail(ben, 2);
	}

	@Test
	void formsFallingDueWhileTheConfirmationIsSentWithoutThemGoOnTheirOwnAfterwards() {
		String cleo = PipelineFixtures.newEmail("cleo");
		String id = confirm(cleo);
		this.clock.advance(Duration.ofSeconds(5));
		String confirmation = id + ":confirmation:v1";
		assertThat(this.dispatcher.claim(id, confirmation)).isPresent();
		// composed from the plan as claimed, without the link; the forms fall due before
		// the sender records what it sent
		DURING_SEND.set(() -> this.planService.apply(due(id)));
		this.dispatcher.deliver(id, confirmation);
		assertThat(DURING_SEND.get()).as("the forms fell due during the send").isNull();
		this.dispatcher.dispatchDue();

		List<MimeMessage> mail = PipelineFixtures.mailTo(cleo);
		assertThat(mail).extracting(ConfirmationFormsLinkTest::subject).containsExactly(CONFIRMED, FORMS);
		assertThat(PipelineFixtures.part(mail.get(0), "text/plain")).doesNotContain("/forms/");
		assertThat(PipelineFixtures.part(mail.get(1), "text/plain")).contains(formsLink(id));
		assertNoMoreMail(cleo, 2);
	}

	@Test
	void formsFallingDueAfterTheConfirmationWasClaimedGoInIt() {
		String dana = PipelineFixtures.newEmail("dana");
		String id = confirm(dana);
		this.clock.advance(Duration.ofSeconds(5));
		String confirmation = id + ":confirmation:v1";
		assertThat(this.dispatcher.claim(id, confirmation)).isPresent();
		this.planService.apply(due(id));
		this.dispatcher.deliver(id, confirmation);
		this.dispatcher.dispatchDue();

		List<MimeMessage> mail = PipelineFixtures.mailTo(dana);
		assertThat(mail).extracting(ConfirmationFormsLinkTest::subject).containsExactly(CONFIRMED);
		assertThat(PipelineFixtures.part(mail.get(0), "text/plain")).contains(formsLink(id));
		assertNoMoreMail(dana, 1);
	}

	private String confirm(String email) {
		String id = "booking-" + email.substring(email.indexOf('-') + 1, email.indexOf('-') + 9);
		this.events.publish(confirmed(id, email));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.plans.find(id).isPresent());
		return id;
	}

	private BookingConfirmed confirmed(String id, String email) {
		return PipelineFixtures.confirmed(id, email, null, START, BOOKED);
	}

	private String formsLink(String id) {
		return "http://127.0.0.1:8080/forms/" + this.links.intakeToken(id);
	}

	private void assertNoMoreMail(String address, int count) {
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.dispatcher.dispatchDue();
			assertThat(PipelineFixtures.mailTo(address)).hasSize(count);
		});
	}

	private static IntakeStatusChanged due(String id) {
		return new IntakeStatusChanged(new BookingId(id), new LocationId(PipelineFixtures.WALNUT_CREEK), 1,
				IntakeStatusChanged.DUE, 2, null, BOOKED.plusSeconds(1));
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
