package dev.medspa.notification.compose;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import dev.medspa.support.timeline.QuietHours;
import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.notification.mail.EmailSender.Email;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanRules;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ClassPathResource;

import static dev.medspa.notification.compose.MessageComposerTest.LINKS;
import static dev.medspa.notification.compose.MessageComposerTest.MICRONEEDLING;
import static dev.medspa.notification.compose.MessageComposerTest.PROPERTIES;
import static dev.medspa.notification.compose.MessageComposerTest.SCOTTSDALE;
import static org.assertj.core.api.Assertions.assertThat;

class IntakeComposerTest {

	final MessageComposer composer = new MessageComposer(PROPERTIES, LINKS,
			Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void theFormsMailCarriesTheBookingsFormsLinkAndNoTreatmentInItsSubject() {
		Email email = this.composer.email(MessageComposerTest.plan(), MessageComposerTest.message(Step.FORMS),
				MICRONEEDLING, SCOTTSDALE, null);

		assertThat(email.subject()).isEqualTo("Before your visit: your forms for Evergreen Med Spa Scottsdale");
		String link = "https://book.example/forms/" + LINKS.intakeToken("b-1");
		assertThat(email.text()).contains("Your forms: " + link).contains("Wednesday, July 15, 2026 at 10:00 AM MST");
		assertThat(email.html()).contains("href=\"" + link + "\"");
		assertThat(LINKS.intakeBookingId(LINKS.intakeToken("b-1"))).contains("b-1");
		assertThat(email.calendar()).isNull();
	}

	@Test
	void aConfirmationComposedOnceTheFormsAreDueCarriesTheirLinkAndOtherwiseNot() {
		Plan plan = MessageComposerTest.plan();
		Plan due = plan
			.intakeChanged(
					new IntakeStatusChanged(new BookingId("b-1"), new LocationId("scottsdale"), 1,
							IntakeStatusChanged.DUE, 2, null, Instant.parse("2026-07-01T12:00:01Z")),
					new PlanRules(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), Duration.ofDays(1),
							Duration.ofHours(2), Duration.ofDays(2)),
					Instant.parse("2026-07-01T12:00:01Z"))
			.orElseThrow();
		PlannedMessage confirmation = MessageComposerTest.message(Step.CONFIRMATION);
		String link = "https://book.example/forms/" + LINKS.intakeToken("b-1");

		Email with = this.composer.email(due, confirmation, MICRONEEDLING, SCOTTSDALE, null);
		assertThat(with.subject()).isEqualTo("Your appointment at Evergreen Med Spa Scottsdale is confirmed");
		assertThat(with.text()).contains("Your booking is confirmed")
			.contains("2 short forms")
			.contains("takes a few minutes")
			.contains("Your forms: " + link);
		assertThat(with.html()).contains("href=\"" + link + "\"");
		Email without = this.composer.email(plan, confirmation, MICRONEEDLING, SCOTTSDALE, null);
		assertThat(without.text() + without.html()).doesNotContain("/forms/").doesNotContain("short form");
	}

	@Test
	void theFormsReminderNamesTheDay() {
		Email email = this.composer.email(MessageComposerTest.plan(), MessageComposerTest.message(Step.FORMS_REMINDER),
				MICRONEEDLING, SCOTTSDALE, null);

		assertThat(email.subject())
			.isEqualTo("Reminder: your forms before your visit to Evergreen Med Spa Scottsdale on Wednesday, July 15");
		assertThat(email.text()).contains("A form for your visit on Wednesday, July 15 is still waiting for you")
			.contains("https://book.example/forms/" + LINKS.intakeToken("b-1"));
	}

	@ParameterizedTest
	@CsvSource({ "INTAKE_NOT_SUITABLE_NOW, is not right for you at the moment",
			"INTAKE_CONSULTATION_FIRST, would like to meet you for a consultation before this treatment goes ahead",
			"INTAKE_OTHER, decided that the treatment cannot go ahead as booked",
			"INTAKE_SOMETHING_NEW, decided that the treatment cannot go ahead as booked" })
	void aTreatmentDeclinedAfterTheFormsIsCancelledKindlyWithoutTheAnswers(String code, String words) {
		Plan cancelled = cancelled(code);
		Email email = this.composer.email(cancelled, cancellation(), MICRONEEDLING, SCOTTSDALE, null);

		assertThat(email.subject()).isEqualTo("Your appointment at Evergreen Med Spa Scottsdale is cancelled");
		for (String body : new String[] { email.text(), email.html() }) {
			assertThat(body).contains("We have cancelled this booking")
				.contains("Your practitioner has read the health questions you answered")
				.contains(words)
				.contains("If you paid a deposit for this visit, it is refunded to you")
				.contains("call us at +1 480 555 0112")
				.doesNotContain("We would be glad to see you another time");
		}
		assertThat(email.text().split("Your practitioner has read", -1)).hasSize(2);
		assertThat(email.calendar().content()).contains("METHOD:CANCEL");
	}

	@Test
	void anyOtherCancellationReadsExactlyAsBefore() throws IOException {
		Plan cancelled = cancelled(null);
		Email email = this.composer.email(cancelled, cancellation(), MICRONEEDLING, SCOTTSDALE, null);

		assertThat(email.text()).contains("Your booking is cancelled:")
			.contains("We would be glad to see you another time")
			.doesNotContain("practitioner");
		Map<String, Object> model = Map.of("name", "Ana <Gomez>", "clinic", "Evergreen Med Spa", "treatment",
				"Micro-needling", "when", "Wednesday, July 15, 2026 at 10:00 AM MST (America/Phoenix)", "location",
				"Scottsdale", "address", SCOTTSDALE.address(), "phone", SCOTTSDALE.phone(), "bookingUrl",
				"https://book.example/", "subject", email.subject());
		assertThat(email.text()).isEqualTo(before("txt", false, model));
		assertThat(email.html()).isEqualTo(before("html", true, model));
	}

	/** The cancellation as the templates before reason codes rendered it. */
	private static String before(String kind, boolean html, Map<String, Object> model) {
		String template = switch (kind) {
			case "txt" -> """
					Hello {{name}},

					Your booking is cancelled:

					{{> _appointment.txt}}
					We would be glad to see you another time: {{bookingUrl}} or call us at {{phone}}.

					{{> _signature.txt}}""";
			default ->
				"""
						{{> _top.html}}<p>Your booking is cancelled:</p>
						{{> _appointment.html}}<p>We would be glad to see you another time: <a href="{{bookingUrl}}">book again</a> or call us at {{phone}}.</p>
						{{> _bottom.html}}""";
		};
		Mustache.TemplateLoader loader = name -> reader(name);
		return Mustache.compiler()
			.escapeHTML(html)
			.defaultValue("")
			.emptyStringIsFalse(true)
			.withLoader(loader)
			.compile(template)
			.execute(model);
	}

	private static Reader reader(String name) {
		try {
			return new InputStreamReader(
					new ClassPathResource("templates/messages/" + name + ".mustache").getInputStream(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Plan cancelled(String code) {
		return MessageComposerTest.plan()
			.cancelled(
					new BookingCancelled(new BookingId("b-1"), 2, false, Instant.parse("2026-07-02T12:00:00Z"), code));
	}

	private static PlannedMessage cancellation() {
		return new PlannedMessage("b-1:cancellation:v2", Step.CANCELLATION, null, Step.CANCELLATION.channel(), 2,
				Instant.parse("2026-07-02T12:00:00Z"), dev.medspa.notification.plan.MessageStatus.PLANNED, 0, null,
				null, null, null, null, null, null, null);
	}

}
