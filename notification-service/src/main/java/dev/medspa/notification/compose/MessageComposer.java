package dev.medspa.notification.compose;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import dev.medspa.notification.plan.IntakeForms;
import dev.medspa.notification.plan.Offer;
import dev.medspa.notification.plan.PackagePurchase;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Step;
import dev.medspa.notification.plan.WaitlistPlace;
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

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("h:mm a zzz 'on' EEEE, MMMM d",
			Locale.US);

	private static final DateTimeFormatter SHORT_UNTIL = DateTimeFormatter.ofPattern("h:mm a 'on' EEE MMM d",
			Locale.US);

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
	 * @param place the location the message is about; null only for a waiter who takes
	 * any location
	 * @param unsubscribeUrl where an optional message lets the client opt out; null for
	 * the others
	 */
	public Email email(Plan plan, PlannedMessage message, TreatmentSummary treatment, @Nullable LocationSummary place,
			@Nullable String unsubscribeUrl) {
		if (message.step() == Step.WAITLIST_JOINED) {
			return waitlistJoined(plan, message, treatment, place);
		}
		LocationSummary location = Objects.requireNonNull(place, "the message names its location");
		if (message.step() == Step.OFFER) {
			return offer(plan, message, treatment, location);
		}
		if (message.step() == Step.SERIES_CONFIRMATION) {
			throw new IllegalArgumentException("A series' confirmation lists its sessions: see seriesConfirmation");
		}
		if (message.step() == Step.PACKAGE_RECEIPT) {
			throw new IllegalArgumentException("A package's receipt is about no booking: see packageReceipt");
		}
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
	 * One confirmation for a course booked in one go: every session listed in order, each
	 * with its time in its location's zone, its place, its practitioner where known and
	 * its own manage link, and one calendar invite per session.
	 * <p>
	 * Each invite is a calendar of its own, as a separate {@code text/calendar}
	 * attachment, made exactly as the single booking's ({@code <booking id>@medspa.dev},
	 * SEQUENCE from the session's schedule version), so a later move or cancellation of
	 * one session updates that one event. One VCALENDAR with several VEVENTs would be
	 * smaller, but a scheduling message (iTIP, RFC 5546) with METHOD:REQUEST is about one
	 * UID: components of different UIDs in one are outside the standard, and Outlook and
	 * Gmail act on the first event only. Separate attachments are each a complete,
	 * ordinary invite that every client can add; Apple Mail and Thunderbird offer each
	 * one.
	 * @param course the course's own plan (its client is the one told)
	 * @param sessions the sessions to list, in order; at least one
	 */
	public Email seriesConfirmation(Plan course, PlannedMessage message, TreatmentSummary treatment,
			List<Session> sessions) {
		if (sessions.isEmpty()) {
			throw new IllegalArgumentException("A series' confirmation lists at least one session");
		}
		LocationSummary first = sessions.get(0).location();
		boolean onePlace = sessions.stream().allMatch(session -> session.location().id().equals(first.id()));
		String place = this.properties.clinicName() + (onePlace ? " " + first.name() : "");
		String subject = (sessions.size() == 1) ? "Your appointment at " + place + " is confirmed"
				: "Your " + sessions.size() + " appointments at " + place + " are confirmed";
		Map<String, Object> model = new HashMap<>();
		model.put("subject", subject);
		model.put("name", course.client().name());
		model.put("clinic", this.properties.clinicName());
		model.put("treatment", treatment.name());
		model.put("count", sessions.size());
		model.put("several", sessions.size() > 1);
		model.put("phone", first.phone());
		List<Map<String, Object>> listed = new ArrayList<>();
		List<Attachment> invites = new ArrayList<>();
		for (Session session : sessions) {
			Plan plan = session.plan();
			LocationSummary location = session.location();
			Map<String, Object> row = new HashMap<>();
			row.put("number", session.number());
			row.put("when", WHEN.format(plan.start().atZone(location.zone())) + " (" + location.zoneId() + ")");
			row.put("location", location.name());
			row.put("address", location.address());
			row.put("practitioner", (session.practitioner() != null) ? session.practitioner() : "");
			row.put("manageUrl", manageUrl(plan));
			listed.add(row);
			invites.add(invite(plan, (int) Math.max(0, plan.scheduleVersion() - 1), false, location,
					"session-" + session.number() + ".ics"));
		}
		model.put("sessions", listed);
		return new Email(course.client().email(), subject, render(this.text, "series-confirmation.txt", model),
				render(this.html, "series-confirmation.html", model), invites, null, message.id());
	}

	/**
	 * One session listed in a series' confirmation.
	 *
	 * @param number which session of the course it is, from 1
	 * @param plan the session's booking as last heard of
	 * @param location where it takes place
	 * @param practitioner who gives it, as the catalog names them, if known
	 */
	public record Session(int number, Plan plan, LocationSummary location, @Nullable String practitioner) {
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
				render(this.html, "email-code.html", model), List.of(), null, reference);
	}

	public Sms sms(Plan plan, PlannedMessage message, LocationSummary location) {
		if (message.step() == Step.SMS_OFFER) {
			return offerSms(plan, message, location);
		}
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
		if (message.step() == Step.REBOOK_NUDGE || message.step() == Step.NO_SHOW) {
			model.put("rebookUrl", rebookUrl(plan, message, treatment, location));
		}
		String body = message.body() != null ? message.body() : treatment.preCare();
		model.put("body", body == null ? "" : body);
		if (message.step() == Step.FORMS || message.step() == Step.FORMS_REMINDER) {
			int due = plan.forms().map(IntakeForms::formsDue).orElse(1);
			model.put("formsUrl", formsUrl(plan));
			model.put("formsDue", due);
			model.put("severalForms", due > 1);
			model.put("day", DAY.format(start));
		}
		if (plan.carriesFormsLink(message)) {
			int due = plan.forms().map(IntakeForms::formsDue).orElse(1);
			model.put("formsLink", true);
			model.put("formsUrl", formsUrl(plan));
			model.put("formsDue", due);
			model.put("severalForms", due > 1);
		}
		if (message.step() == Step.CANCELLATION) {
			model.putAll(ClinicReasons.words(plan.clinicReason()));
		}
		return model;
	}

	/**
	 * The client's link to the booking's intake and consent forms, derived from its id
	 * like the manage link.
	 */
	private String formsUrl(Plan plan) {
		return this.properties.formsUrl() + this.links.intakeToken(plan.bookingId());
	}

	/**
	 * The client's link to their booking, derived from its id: events and plans carry no
	 * token (see {@link ManageLinks}).
	 */
	private String manageUrl(Plan plan) {
		return this.properties.manageUrl() + this.links.token(plan.bookingId());
	}

	/**
	 * The booking flow opened where the client left off: the same treatment, location and
	 * practitioner, its calendar from the day the next session is due (the nudge) or from
	 * today (the no-show note), never from a day already past. The gateway falls back to
	 * the plain flow for a practitioner who left or a day it cannot read.
	 */
	private String rebookUrl(Plan plan, PlannedMessage message, TreatmentSummary treatment, LocationSummary location) {
		LocalDate today = this.clock.instant().atZone(location.zone()).toLocalDate();
		LocalDate from = today;
		if (message.step() == Step.REBOOK_NUDGE) {
			LocalDate due = plan.nextSessionDue(treatment);
			if (due == null) {
				due = message.dueAt().atZone(location.zone()).toLocalDate();
			}
			from = due.isAfter(today) ? due : today;
		}
		StringBuilder url = new StringBuilder(this.properties.bookingUrl());
		if (url.charAt(url.length() - 1) != '/') {
			url.append('/');
		}
		url.append(encode(plan.treatmentId())).append('/').append(encode(location.id()));
		url.append('?');
		if (plan.practitionerId() != null) {
			url.append("practitioner=").append(encode(plan.practitionerId())).append('&');
		}
		return url.append("from=").append(from).toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private String subject(Step step, Plan plan, LocationSummary location) {
		String place = this.properties.clinicName() + " " + location.name();
		String day = DAY.format(plan.start().atZone(location.zone()));
		return switch (step) {
			case CONFIRMATION -> "Your appointment at " + place + " is confirmed";
			case SERIES_CONFIRMATION ->
				throw new IllegalArgumentException("A series' confirmation has its own subject");
			case UPDATE -> "Your appointment at " + place + " has moved";
			case CANCELLATION -> "Your appointment at " + place + " is cancelled";
			case REMINDER -> "Reminder: your appointment at " + place + " on " + day;
			case PRE_CARE -> "Getting ready for your appointment at " + place + " on " + day;
			case AFTERCARE -> "Your aftercare from " + this.properties.clinicName();
			case REBOOK_NUDGE -> "Time for your next session at " + this.properties.clinicName();
			case NO_SHOW -> "We missed you at " + place;
			case FORMS -> "Before your visit: your forms for " + place;
			case FORMS_REMINDER -> "Reminder: your forms before your visit to " + place + " on " + day;
			case SMS_REMINDER, SMS_OFFER -> throw new IllegalArgumentException("An SMS has no subject");
			case WAITLIST_JOINED, OFFER, PACKAGE_RECEIPT ->
				throw new IllegalArgumentException("Not a booking's message: " + step);
		};
	}

	/**
	 * A prepaid package's receipt: what was bought and paid, and how its sessions are
	 * booked (online, with the box ticked and the same address). Its subject names no
	 * treatment, as no subject does; the body names the package.
	 */
	public Email packageReceipt(Plan plan, PlannedMessage message) {
		PackagePurchase purchase = Objects.requireNonNull(plan.purchase(), "the plan of a package's receipt");
		String subject = "Your prepaid package from " + this.properties.clinicName();
		Map<String, Object> model = new HashMap<>();
		model.put("subject", subject);
		model.put("name", plan.client().name());
		model.put("clinic", this.properties.clinicName());
		model.put("package", purchase.name());
		model.put("sessions", purchase.sessions());
		model.put("price", money(purchase.price(), purchase.currency()));
		model.put("reference", purchase.packageId());
		model.put("email", plan.client().email());
		model.put("bookingUrl", this.properties.bookingUrl());
		return new Email(plan.client().email(), subject, render(this.text, "package-receipt.txt", model),
				render(this.html, "package-receipt.html", model), List.of(), null, message.id());
	}

	/**
	 * An amount in minor units as money in the currency's own digits ({@code $900.00});
	 * an unknown code is shown after the number.
	 */
	static String money(long minorUnits, String currencyCode) {
		Currency currency;
		try {
			currency = Currency.getInstance(currencyCode);
		}
		catch (IllegalArgumentException unknown) {
			return BigDecimal.valueOf(minorUnits, 2).toPlainString() + " " + currencyCode;
		}
		int digits = Math.max(0, currency.getDefaultFractionDigits());
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(currency);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(BigDecimal.valueOf(minorUnits, digits));
	}

	/**
	 * The waiter is on the waitlist: for what, where and when they asked, and their link
	 * to see and leave their place.
	 */
	private Email waitlistJoined(Plan plan, PlannedMessage message, TreatmentSummary treatment,
			@Nullable LocationSummary location) {
		WaitlistPlace place = Objects.requireNonNull(plan.waitlist(), "the plan of a place on a waitlist");
		Map<String, Object> model = new HashMap<>();
		String subject = "You are on the waitlist at " + this.properties.clinicName()
				+ ((location != null) ? " " + location.name() : "");
		model.put("subject", subject);
		model.put("name", plan.client().name());
		model.put("clinic", this.properties.clinicName());
		model.put("treatment", treatment.name());
		model.put("location", (location != null) ? location.name() + ", " + location.address() : "any location");
		model.put("days", days(place));
		model.put("times", WaitlistWords.partsOfDay(place.partsOfDay()));
		model.put("weekdays", WaitlistWords.weekdays(place.weekdays()));
		model.put("waitlistUrl", this.properties.waitlistUrl() + this.links.waitlistToken(place.entryId()));
		return new Email(plan.client().email(), subject, render(this.text, "waitlist-joined.txt", model),
				render(this.html, "waitlist-joined.html", model), List.of(), null, message.id());
	}

	/**
	 * A freed slot held for the waiter: what, where, when in the location's zone, until
	 * when it is held, and the link that books it in one click.
	 */
	private Email offer(Plan plan, PlannedMessage message, TreatmentSummary treatment, LocationSummary location) {
		Offer offer = Objects.requireNonNull(message.offer(), "an offer message carries its offer");
		Map<String, Object> model = new HashMap<>();
		String subject = "A time has opened up for you at " + this.properties.clinicName() + " " + location.name();
		model.put("subject", subject);
		model.put("name", plan.client().name());
		model.put("clinic", this.properties.clinicName());
		model.put("treatment", treatment.name());
		model.put("when", WHEN.format(offer.start().atZone(location.zone())) + " (" + location.zoneId() + ")");
		model.put("until", UNTIL.format(offer.expiresAt().atZone(location.zone())));
		model.put("location", location.name());
		model.put("address", location.address());
		model.put("phone", location.phone());
		model.put("offerUrl", offerUrl(offer));
		return new Email(plan.client().email(), subject, render(this.text, "offer.txt", model),
				render(this.html, "offer.html", model), List.of(), null, message.id());
	}

	private Sms offerSms(Plan plan, PlannedMessage message, LocationSummary location) {
		Offer offer = Objects.requireNonNull(message.offer(), "an offer message carries its offer");
		Map<String, Object> model = new HashMap<>();
		model.put("clinic", this.properties.clinicName());
		model.put("location", location.name());
		model.put("when", SHORT.format(offer.start().atZone(location.zone())));
		model.put("until", SHORT_UNTIL.format(offer.expiresAt().atZone(location.zone())));
		model.put("offerUrl", offerUrl(offer));
		return new Sms(message.id(), Objects.requireNonNull(plan.client().phone()),
				render(this.text, "sms-offer.txt", model).strip());
	}

	/** The offer's one-click link, derived from its id like the manage link. */
	private String offerUrl(Offer offer) {
		return this.properties.offerUrl() + this.links.offerToken(offer.offerId());
	}

	private static String days(WaitlistPlace place) {
		if (place.from() == null || place.to() == null) {
			return "any day";
		}
		if (place.from().equals(place.to())) {
			return DATE.format(place.from());
		}
		return DAY.format(place.from()) + " to " + DATE.format(place.to());
	}

	private List<Attachment> invite(Plan plan, PlannedMessage message, LocationSummary location) {
		boolean cancelled = message.step() == Step.CANCELLATION;
		if (!cancelled && message.step() != Step.CONFIRMATION && message.step() != Step.UPDATE) {
			return List.of();
		}
		return List.of(invite(plan, (int) Math.max(0, message.planVersion() - 1), cancelled, location,
				cancelled ? "cancel.ics" : "invite.ics"));
	}

	/**
	 * A booking's invite: its UID is the booking's, its SEQUENCE the booking version that
	 * last set its time and place, less one, so each change replaces the same event.
	 */
	private Attachment invite(Plan plan, int sequence, boolean cancelled, LocationSummary location, String filename) {
		CalendarInvites.Invite invite = new CalendarInvites.Invite(plan.bookingId() + "@medspa.dev", sequence,
				cancelled, plan.start(), plan.end(), location.zone(),
				"Appointment at " + this.properties.clinicName() + " " + location.name(),
				location.name() + ", " + location.address(),
				manageUrl(plan).isEmpty() ? "Call us at " + location.phone()
						: "To see, move or cancel it: " + manageUrl(plan),
				this.properties.from(), this.properties.clinicName(), plan.client().email(), plan.client().name(),
				this.clock.instant());
		return new Attachment(filename, CalendarInvites.mediaType(invite), CalendarInvites.render(invite));
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
