package dev.medspa.notification.compose;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.notification.calendar.CalendarInvites;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.catalog.TreatmentSummary;
import dev.medspa.notification.config.NotificationProperties;
import dev.medspa.notification.mail.EmailSender.Attachment;
import dev.medspa.notification.mail.EmailSender.Email;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Step;
import dev.medspa.notification.sms.SmsSender.Sms;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a planned message from the templates under {@code templates/messages}. Times
 * are shown in the location's zone, with the zone named. No subject and no SMS names the
 * treatment: those are seen by more eyes than an e-mail's body.
 */
@Component
public class MessageComposer {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a zzz",
			Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE MMM d 'at' h:mm a", Locale.US);

	private static final String TEMPLATES = "templates/messages/";

	private final Mustache.Compiler text;

	private final Mustache.Compiler html;

	private final Map<String, Template> templates = new ConcurrentHashMap<>();

	private final NotificationProperties properties;

	private final ManageLinks links;

	private final Clock clock;

	MessageComposer(NotificationProperties properties, ManageLinks links, Clock clock) {
		this.properties = properties;
		this.links = links;
		this.clock = clock;
		Mustache.TemplateLoader loader = name -> reader(name);
		this.text = Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true).withLoader(loader);
		this.html = Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true).withLoader(loader);
	}

	/**
	 * @param unsubscribeUrl where an optional message lets the client opt out; null for
	 * the others
	 */
	public Email email(Plan plan, PlannedMessage message, TreatmentSummary treatment, LocationSummary location,
			@Nullable String unsubscribeUrl) {
		Map<String, Object> model = model(plan, message, treatment, location);
		String subject = subject(message.step(), plan, location);
		model.put("subject", subject);
		model.put("unsubscribeUrl", unsubscribeUrl == null ? "" : unsubscribeUrl);
		String name = templateName(message.step());
		return new Email(plan.client().email(), subject, render(this.text, name + ".txt", model),
				render(this.html, name + ".html", model), invite(plan, message, location), unsubscribeUrl,
				message.id());
	}

	/**
	 * The code that proves the reader of {@code to} asked to book; it names no treatment
	 * and no appointment, since whoever typed the address may not be its owner.
	 * @param reference traces the mail in the server's logs
	 */
	public Email emailCode(String to, String code, java.time.Duration validFor, String reference) {
		Map<String, Object> model = new HashMap<>();
		String subject = "Your code for " + this.properties.clinicName() + ": " + code;
		model.put("subject", subject);
		model.put("clinic", this.properties.clinicName());
		model.put("code", code);
		model.put("minutes", validFor.toMinutes());
		return new Email(to, subject, render(this.text, "email-code.txt", model),
				render(this.html, "email-code.html", model), null, null, reference);
	}

	public Sms sms(Plan plan, PlannedMessage message, LocationSummary location) {
		Map<String, Object> model = new HashMap<>();
		model.put("clinic", this.properties.clinicName());
		model.put("location", location.name());
		model.put("when", SHORT.format(plan.start().atZone(location.zone())));
		model.put("manageUrl", manageUrl(plan));
		return new Sms(message.id(), java.util.Objects.requireNonNull(plan.client().phone()),
				render(this.text, "sms-reminder.txt", model).strip());
	}

	private Map<String, Object> model(Plan plan, PlannedMessage message, TreatmentSummary treatment,
			LocationSummary location) {
		ZonedDateTime start = plan.start().atZone(location.zone());
		Map<String, Object> model = new HashMap<>();
		model.put("name", plan.client().name());
		model.put("clinic", this.properties.clinicName());
		model.put("treatment", treatment.name());
		model.put("when", WHEN.format(start) + " (" + location.zoneId() + ")");
		model.put("location", location.name());
		model.put("address", location.address());
		model.put("phone", location.phone());
		model.put("manageUrl", manageUrl(plan));
		model.put("bookingUrl", this.properties.bookingUrl());
		String body = message.body() != null ? message.body() : treatment.preCare();
		model.put("body", body == null ? "" : body);
		return model;
	}

	/**
	 * The client's link to their booking, derived from its id: events and plans carry no
	 * token (see {@link ManageLinks}).
	 */
	private String manageUrl(Plan plan) {
		return this.properties.manageUrl() + this.links.token(plan.bookingId());
	}

	private String subject(Step step, Plan plan, LocationSummary location) {
		String place = this.properties.clinicName() + " " + location.name();
		String day = DAY.format(plan.start().atZone(location.zone()));
		return switch (step) {
			case CONFIRMATION -> "Your appointment at " + place + " is confirmed";
			case UPDATE -> "Your appointment at " + place + " has moved";
			case CANCELLATION -> "Your appointment at " + place + " is cancelled";
			case REMINDER -> "Reminder: your appointment at " + place + " on " + day;
			case PRE_CARE -> "Getting ready for your appointment at " + place + " on " + day;
			case AFTERCARE -> "Your aftercare from " + this.properties.clinicName();
			case REBOOK_NUDGE -> "Time for your next session at " + this.properties.clinicName();
			case NO_SHOW -> "We missed you at " + place;
			case SMS_REMINDER -> throw new IllegalArgumentException("An SMS has no subject");
		};
	}

	private @Nullable Attachment invite(Plan plan, PlannedMessage message, LocationSummary location) {
		boolean cancelled = message.step() == Step.CANCELLATION;
		if (!cancelled && message.step() != Step.CONFIRMATION && message.step() != Step.UPDATE) {
			return null;
		}
		CalendarInvites.Invite invite = new CalendarInvites.Invite(plan.bookingId() + "@medspa.dev",
				(int) Math.max(0, message.planVersion() - 1), cancelled, plan.start(), plan.end(), location.zone(),
				"Appointment at " + this.properties.clinicName() + " " + location.name(),
				location.name() + ", " + location.address(),
				manageUrl(plan).isEmpty() ? "Call us at " + location.phone()
						: "To see, move or cancel it: " + manageUrl(plan),
				this.properties.from(), this.properties.clinicName(), plan.client().email(), plan.client().name(),
				this.clock.instant());
		return new Attachment(cancelled ? "cancel.ics" : "invite.ics", CalendarInvites.mediaType(invite),
				CalendarInvites.render(invite));
	}

	private static String templateName(Step step) {
		return step.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private String render(Mustache.Compiler compiler, String name, Map<String, Object> model) {
		Template template = this.templates.computeIfAbsent(compiler == this.html ? "html:" + name : "text:" + name,
				key -> {
					try (Reader reader = reader(name)) {
						return compiler.compile(reader);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
		return template.execute(model);
	}

	private static Reader reader(String name) throws IOException {
		return new InputStreamReader(new ClassPathResource(TEMPLATES + name + ".mustache").getInputStream(),
				StandardCharsets.UTF_8);
	}

}
