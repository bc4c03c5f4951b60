package dev.medspa.intake.intake.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.medspa.intake.form.Question;
import dev.medspa.intake.intake.BookingIntake;
import dev.medspa.intake.intake.Intakes;
import dev.medspa.support.Refusal;
import dev.medspa.support.limits.Limits;
import dev.medspa.support.links.ManageLinks;
import dev.medspa.support.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client's forms, opened by the link their messages carry: the forms a booking asks
 * for, and the answers to one of them.
 */
@RestController
@Tag(name = "Forms (client)", description = "A client's intake and consent forms, opened by the link in their e-mail")
class ClientFormsController {

	private static final int MAX_AGENT = 500;

	private final Intakes intakes;

	private final ManageLinks links;

	private final Limits limits;

	private final int submissionsPerBookingPerHour;

	/**
	 * @param submissionsPerBookingPerHour answers sent for one booking's forms in an hour
	 * before it must wait: each is stored for good, so a link must not fill the store; 0
	 * turns it off
	 */
	ClientFormsController(Intakes intakes, ManageLinks links, Limits limits,
			@Value("${medspa.limits.intake-submissions-per-booking-per-hour:30}") int submissionsPerBookingPerHour) {
		this.intakes = intakes;
		this.links = links;
		this.limits = limits;
		this.submissionsPerBookingPerHour = submissionsPerBookingPerHour;
	}

	@Operation(summary = "Read a booking's forms",
			description = "The forms the booking asks for, each in the version current when it was booked, with its "
					+ "questions and whether it is done. The token is the one the client's forms link carries; 404 "
					+ "when it opens nothing.")
	@GetMapping("/api/intake/{token}")
	ClientFormsView read(@PathVariable String token) {
		Intakes.ClientView view = this.intakes.forClient(bookingOf(token));
		BookingIntake intake = view.intake();
		return new ClientFormsView(intake.id(), intake.locationId(), intake.treatmentId(), intake.start(),
				intake.status(), intake.formsDue(),
				view.forms()
					.stream()
					.map(form -> new FormView(form.due().templateId(), form.due().kind().name(),
							form.version().content().title(), form.due().version(), form.due().contentHash(),
							form.version().content().intro(),
							form.version().content().questions().stream().map(QuestionView::of).toList(), true,
							form.due().done(), form.due().submittedAt()))
					.toList());
	}

	@Operation(summary = "Answer and sign one form",
			description = "Stores the answers to one form of the booking, signed with the client's typed name, as an "
					+ "immutable submission with its evidence: the form's version and content hash, the time, the "
					+ "client's address and browser. Answering again corrects: a new submission, the newest counts. "
					+ "422 names each answer to fix as `answers.<question>` (or `signedName`); 409 "
					+ "`form-version-changed` when the form was updated (answer `currentVersion`), 409 "
					+ "`intake-closed` when the clinic closed the forms; 429 after too many answers for one booking "
					+ "in an hour.")
	@PostMapping("/api/intake/{token}/forms/{templateId}")
	@ResponseStatus(HttpStatus.CREATED)
	SubmittedView submit(@PathVariable String token, @PathVariable String templateId,
			@Valid @RequestBody SubmissionRequest request, HttpServletRequest http) {
		String agent = http.getHeader(HttpHeaders.USER_AGENT);
		agent = (agent == null) ? "" : agent.substring(0, Math.min(agent.length(), MAX_AGENT));
		String bookingId = bookingOf(token);
		this.limits.take("intake-submissions-per-booking", bookingId, this.submissionsPerBookingPerHour,
				Duration.ofHours(1), "answers sent for this booking's forms");
		BookingIntake after = this.intakes.submit(bookingId, templateId, request.version(),
				request.answers() == null ? Map.of() : request.answers(), request.signedName(), ClientAddress.of(http),
				agent);
		return new SubmittedView(after.status(), after.formsDue());
	}

	private String bookingOf(String token) {
		return this.links.intakeBookingId(token)
			.orElseThrow(() -> Refusal.notFound("Forms", "This link opens no forms"));
	}

	record SubmissionRequest(@NotNull @Nullable Long version,
			@Size(max = 200) @Nullable Map<String, @Size(max = Question.MAX_TEXT) String> answers,
			@Size(max = 200) @Nullable String signedName) {

		@Override
		public Long version() {
			return java.util.Objects.requireNonNull(this.version);
		}

	}

	record ClientFormsView(String bookingId, String locationId, String treatmentId, Instant start, String status,
			int formsDue, List<FormView> forms) {
	}

	record FormView(String templateId, String kind, String title, long version, String contentHash, List<String> intro,
			List<QuestionView> questions, boolean signatureRequired, boolean done, @Nullable Instant submittedAt) {
	}

	/** A question as the client sees it: which answers flag it is not shown. */
	record QuestionView(String id, String kind, String label, @Nullable String help, boolean required,
			List<String> choices) {

		static QuestionView of(Question question) {
			return new QuestionView(question.id(), question.kind().name(), question.label(), question.help(),
					question.required(), question.choices());
		}

	}

	record SubmittedView(String status, int formsDue) {
	}

}
