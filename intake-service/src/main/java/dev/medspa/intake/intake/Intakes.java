package dev.medspa.intake.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.intake.form.FormKind;
import dev.medspa.intake.form.FormLibrary;
import dev.medspa.intake.form.FormVersion;
import dev.medspa.intake.form.Question;
import dev.medspa.support.Refusal;
import dev.medspa.support.outbox.OutboxMessage;
import dev.medspa.support.outbox.OutboxMessages;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The forms of each booking, from the booking's confirmation to the practitioner's
 * review. Each change is one compare-and-set of the booking's intake document, with the
 * status event in its outbox when the status changes; answers are stored as immutable
 * submissions first, so a change that has to be repeated never loses them.
 */
@Service
public class Intakes {

	private static final Logger log = LoggerFactory.getLogger(Intakes.class);

	/** The decline reasons a client's message can be worded from. */
	public static final Set<String> DECLINE_REASONS = Set.of("NOT_SUITABLE_NOW", "CONSULTATION_FIRST", "OTHER");

	private static final int ATTEMPTS = 8;

	private final IntakeStore store;

	private final FormLibrary forms;

	private final OutboxMessages messages;

	private final Clock clock;

	public Intakes(IntakeStore store, FormLibrary forms, OutboxMessages messages, Clock clock) {
		this.store = store;
		this.forms = forms;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A booking was confirmed: the forms its treatment asks for become due, except those
	 * the client's earlier answers still cover. A booking whose treatment asks for no
	 * form has no intake, and nothing is told. A repeated confirmation changes nothing.
	 */
	public void open(String bookingId, String locationId, String treatmentId, Instant start, String clientEmail,
			String clientName) {
		Instant now = this.clock.instant();
		if (!start.isAfter(now) || this.store.intake(bookingId).isPresent()) {
			// a visit that has begun asks for nothing any more (an installation that
			// starts intake-service reads the bookings made before it)
			return;
		}
		List<FormVersion> current = this.forms.currentFor(treatmentId);
		if (current.isEmpty()) {
			return;
		}
		String email = clientEmail.strip().toLowerCase(Locale.ROOT);
		List<DueForm> due = new ArrayList<>();
		for (FormVersion version : current) {
			ClientForm earlier = this.store.clientForm(ClientForm.idOf(email, version.templateId())).orElse(null);
			if (earlier != null && stillCovers(earlier, version, now)) {
				due.add(new DueForm(version.templateId(), version.kind(), version.content().title(), version.version(),
						version.contentHash(), earlier.submissionId(), earlier.submittedAt(), false, true));
			}
			else {
				due.add(new DueForm(version.templateId(), version.kind(), version.content().title(), version.version(),
						version.contentHash(), null, null, false, false));
			}
		}
		BookingIntake intake = BookingIntake.open(bookingId, locationId, treatmentId, start, email, clientName, due);
		intake.outbox().add(event(intake, now));
		if (this.store.insert(intake)) {
			log.info("Forms of booking {}: {} ({} due)", bookingId, intake.status(), intake.formsDue());
		}
	}

	/**
	 * A consent stands for as long as its version is current; a health questionnaire for
	 * its days of validity, and only when nothing in it called for a review.
	 */
	private static boolean stillCovers(ClientForm earlier, FormVersion version, Instant now) {
		if (!earlier.contentHash().equals(version.contentHash())) {
			return false;
		}
		if (version.kind() == FormKind.CONSENT) {
			return true;
		}
		int days = version.content().validForDays();
		return days > 0 && !earlier.flagged() && earlier.submittedAt().plus(Duration.ofDays(days)).isAfter(now);
	}

	/** The client's view of a booking's forms, by the booking the link opens. */
	public ClientView forClient(String bookingId) {
		BookingIntake intake = this.store.intake(bookingId)
			.filter(found -> !found.closed())
			.orElseThrow(() -> Refusal.notFound("Forms", "This link opens no forms"));
		List<ClientView.Form> forms = new ArrayList<>();
		for (DueForm due : intake.forms()) {
			FormVersion version = this.forms.versionOf(due.templateId(), due.version());
			forms.add(new ClientView.Form(due, version));
		}
		return new ClientView(intake, forms);
	}

	/**
	 * Takes a client's answers to one form of their booking.
	 * @param answers by question id
	 * @return the booking's forms after the answer
	 */
	public BookingIntake submit(String bookingId, String templateId, long version, Map<String, String> answers,
			@Nullable String signedName, String address, String userAgent) {
		BookingIntake intake = this.store.intake(bookingId)
			.filter(found -> !found.closed())
			.orElseThrow(() -> Refusal.notFound("Forms", "This link opens no forms"));
		if (!intake.open()) {
			throw Refusal.conflict("intake-closed", "These forms are closed", null,
					"The clinic has closed these forms; nothing more is needed from you.");
		}
		DueForm due = intake.form(templateId);
		if (due == null) {
			throw Refusal.notFound("Form", "This booking does not ask for form " + templateId);
		}
		if (due.version() != version) {
			throw Refusal
				.conflict("form-version-changed", "This form has changed", "version",
						"The form was updated: please read it again and answer version " + due.version())
				.with("currentVersion", due.version());
		}
		FormVersion form = this.forms.versionOf(templateId, version);
		List<Map<String, String>> errors = new ArrayList<>();
		List<Answer> kept = new ArrayList<>();
		Map<String, Question> questions = new LinkedHashMap<>();
		form.content().questions().forEach(question -> questions.put(question.id(), question));
		answers.keySet()
			.stream()
			.filter(id -> !questions.containsKey(id))
			.sorted()
			.forEach(id -> errors.add(Map.of("field", "answers." + id, "reason", "No such question in this form")));
		for (Question question : questions.values()) {
			try {
				String answer = question.normalise(answers.get(question.id())).orElse(null);
				kept.add(new Answer(question.id(), question.label(), answer, question.flags(answer)));
			}
			catch (IllegalArgumentException ex) {
				errors.add(Map.of("field", "answers." + question.id(), "reason", String.valueOf(ex.getMessage())));
			}
		}
		String name = signedName == null ? "" : signedName.strip();
		if (name.length() < 2 || name.length() > 200) {
			errors.add(Map.of("field", "signedName", "reason", "Type your full name to sign"));
		}
		if (!errors.isEmpty()) {
			throw new Refusal(Refusal.Kind.UNPROCESSABLE, "form-answers-invalid", "Some answers need another look",
					"Some answers are missing or do not fit their question", null)
				.with("errors", errors);
		}
		Submission submission = new Submission(UUID.randomUUID().toString(), bookingId,
				String.valueOf(intake.clientEmail()), templateId, version, form.contentHash(), kept, name,
				this.clock.instant(), address, userAgent);
		this.store.insert(submission);
		BookingIntake after = change(bookingId, current -> current.open() ? current.withAnswer(submission) : current);
		if (after.clientEmail() != null) {
			this.store.save(new ClientForm(ClientForm.idOf(after.clientEmail(), templateId), submission.id(), bookingId,
					submission.contentHash(), submission.submittedAt(), submission.flagged()));
		}
		return after;
	}

	/**
	 * A practitioner's decision on answers that call for review.
	 * @param location the location the caller works at, as the route names it
	 */
	public BookingIntake review(String location, String bookingId, String decision, @Nullable String reason,
			@Nullable String note, String by) {
		BookingIntake intake = forStaff(location, bookingId);
		if (!IntakeStatusChanged.CLEARED.equals(decision) && !IntakeStatusChanged.DECLINED.equals(decision)) {
			throw Refusal.unprocessable("invalid-review", "Invalid review", "decision", "CLEARED or DECLINED");
		}
		if (IntakeStatusChanged.DECLINED.equals(decision) && (reason == null || !DECLINE_REASONS.contains(reason))) {
			throw Refusal.unprocessable("invalid-review", "Invalid review", "reason",
					"Say why: NOT_SUITABLE_NOW, CONSULTATION_FIRST or OTHER");
		}
		if (!IntakeStatusChanged.NEEDS_REVIEW.equals(intake.status()) || intake.closed()) {
			throw Refusal.conflict("intake-not-in-review", "Nothing to review", null,
					"These forms are " + intake.status().toLowerCase(Locale.ROOT).replace('_', ' ')
							+ ": only answers that call for review can be cleared or declined");
		}
		Review review = new Review(decision, IntakeStatusChanged.DECLINED.equals(decision) ? reason : null,
				note == null ? "" : note.strip(), by, this.clock.instant());
		return change(bookingId, current -> {
			if (!IntakeStatusChanged.NEEDS_REVIEW.equals(current.status())) {
				throw Refusal.conflict("intake-not-in-review", "Nothing to review", null,
						"Someone reviewed these answers a moment ago");
			}
			return current.withReview(review);
		});
	}

	/** A booking's forms, for a practitioner or manager of its location. */
	public BookingIntake forStaff(String location, String bookingId) {
		return this.store.intake(bookingId)
			.filter(intake -> intake.locationId().equals(location))
			.orElseThrow(() -> Refusal.notFound("Forms", "Booking " + bookingId + " has no forms at " + location));
	}

	public Optional<Submission> submission(String id) {
		return this.store.submission(id);
	}

	public List<Submission> submissionsOf(String bookingId) {
		return this.store.submissionsOf(bookingId);
	}

	/** The booking moved: its forms are due before the new start. */
	public void moved(String bookingId, Instant newStart) {
		if (this.store.intake(bookingId).isPresent()) {
			change(bookingId, current -> current.start().equals(newStart) ? current : current.movedTo(newStart));
		}
	}

	/** The booking was cancelled: nothing more is asked. */
	public void cancelled(String bookingId) {
		if (this.store.intake(bookingId).isPresent()) {
			change(bookingId, current -> current.closed() ? current : current.closedNow());
		}
	}

	/** The client's data of a booking was erased: their answers and signatures go. */
	public void erase(String bookingId) {
		BookingIntake intake = this.store.intake(bookingId).orElse(null);
		if (intake == null) {
			return;
		}
		if (intake.clientEmail() != null) {
			this.store.eraseSubmissions(bookingId);
		}
		change(bookingId, current -> current.clientEmail() == null ? current : current.erased());
	}

	/** What is held about a client: their bookings' forms and every answer given. */
	public List<ClientExport> export(String clientEmail) {
		String email = clientEmail.strip().toLowerCase(Locale.ROOT);
		return this.store.intakesOf(email)
			.stream()
			.map(intake -> new ClientExport(intake, this.store.submissionsOf(intake.id())))
			.toList();
	}

	/**
	 * Applies a change to the stored state, again from the newest state when another
	 * change came first; the status event goes with it when the status moved.
	 */
	private BookingIntake change(String bookingId, UnaryOperator<BookingIntake> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			BookingIntake current = this.store.intake(bookingId)
				.orElseThrow(() -> Refusal.notFound("Forms", "No forms for booking " + bookingId));
			BookingIntake next = change.apply(current);
			if (next == current) {
				return current;
			}
			List<OutboxMessage> events = next.status().equals(current.status()) ? List.of()
					: List.of(event(next, this.clock.instant()));
			if (this.store.update(next, current.intakeVersion(), events)) {
				return next;
			}
		}
		throw Refusal.conflict("busy", "Busy", null, "These forms changed several times at once; try again");
	}

	private OutboxMessage event(BookingIntake intake, Instant now) {
		return this.messages
			.of(intake.id(),
					new IntakeStatusChanged(new BookingId(intake.id()), new LocationId(intake.locationId()),
							intake.intakeVersion(), intake.status(), intake.formsDue(), intake.declineReason(), now),
					now);
	}

	/** A booking's forms as its client sees them. */
	public record ClientView(BookingIntake intake, List<Form> forms) {

		/** One form, with the version the booking asks for. */
		public record Form(DueForm due, FormVersion version) {
		}

	}

	/** One booking's forms and the answers given, for the client's data request. */
	public record ClientExport(BookingIntake intake, List<Submission> submissions) {
	}

}
