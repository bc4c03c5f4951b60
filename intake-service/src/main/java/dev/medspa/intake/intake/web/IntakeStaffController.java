package dev.medspa.intake.intake.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.medspa.intake.intake.Answer;
import dev.medspa.intake.intake.BookingIntake;
import dev.medspa.intake.intake.DueForm;
import dev.medspa.intake.intake.Intakes;
import dev.medspa.intake.intake.Review;
import dev.medspa.intake.intake.Submission;
import dev.medspa.support.audit.AuditTrail;
import dev.medspa.support.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A booking's health answers and signatures, for the practitioners and managers of its
 * location only (the security rules let nobody else in), and their review. Every read is
 * written to the audit log, whoever reads and whatever the answer.
 */
@RestController
@Tag(name = "Staff: health answers", description = "A booking's forms, answers and their review")
class IntakeStaffController {

	private final Intakes intakes;

	private final AuditTrail audit;

	private final Clock clock;

	IntakeStaffController(Intakes intakes, AuditTrail audit, Clock clock) {
		this.intakes = intakes;
		this.audit = audit;
		this.clock = clock;
	}

	@Operation(summary = "Read a booking's health answers",
			description = "Every form the booking asks for, every submission to it (answers, flagged answers, and the "
					+ "evidence of signing: version, content hash, typed name, time, address, browser) and the "
					+ "reviews. Only practitioners and managers of the booking's location; every read is audited. "
					+ "404 when the booking has no forms at this location.")
	@GetMapping("/api/staff/locations/{location}/intake/{booking}")
	IntakeView read(@PathVariable String location, @PathVariable String booking, Authentication caller,
			HttpServletRequest http) {
		int status = 200;
		try {
			BookingIntake intake = this.intakes.forStaff(location, booking);
			List<Submission> submissions = this.intakes.submissionsOf(booking);
			return IntakeView.of(intake, submissions, this.intakes::submission);
		}
		catch (RuntimeException ex) {
			status = 404;
			throw ex;
		}
		finally {
			this.audit.record(this.clock.instant(), caller.getName(), roles(caller),
					"GET /api/staff/locations/{location}/intake/{booking}", http.getRequestURI(), status,
					ClientAddress.of(http), "read health answers");
		}
	}

	@Operation(summary = "Clear or decline answers that call for review",
			description = "The practitioner's decision on flagged answers: `CLEARED` lets the visit go ahead; "
					+ "`DECLINED` with a `reason` (NOT_SUITABLE_NOW, CONSULTATION_FIRST or OTHER) has booking-service "
					+ "cancel the booking as the clinic, and the client is told kindly from the reason code. The "
					+ "`note` stays here. 409 `intake-not-in-review` unless the answers await review.")
	@PostMapping("/api/staff/locations/{location}/intake/{booking}/review")
	StatusView review(@PathVariable String location, @PathVariable String booking,
			@Valid @RequestBody ReviewRequest request, Authentication caller) {
		BookingIntake after = this.intakes.review(location, booking, String.valueOf(request.decision()),
				request.reason(), request.note(), nameOf(caller));
		return new StatusView(after.status());
	}

	private static String nameOf(Authentication caller) {
		if (caller instanceof JwtAuthenticationToken jwt) {
			String name = jwt.getToken().getClaimAsString(dev.medspa.support.security.StaffClaims.NAME);
			if (name != null && !name.isBlank()) {
				return name + " (" + caller.getName() + ")";
			}
		}
		return caller.getName();
	}

	private static List<String> roles(Authentication caller) {
		return caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5))
			.sorted()
			.toList();
	}

	record ReviewRequest(@NotBlank @Nullable String decision, @Size(max = 40) @Nullable String reason,
			@Size(max = 1000) @Nullable String note) {
	}

	record StatusView(String status) {
	}

	record IntakeView(String bookingId, String locationId, String treatmentId, Instant start, String status,
			@Nullable String declineReason, boolean closed, boolean erased, List<FormAnswers> forms,
			List<Review> reviews) {

		static IntakeView of(BookingIntake intake, List<Submission> submissions,
				java.util.function.Function<String, java.util.Optional<Submission>> earlier) {
			return new IntakeView(intake.id(), intake.locationId(), intake.treatmentId(), intake.start(),
					intake.status(), intake.declineReason(), intake.closed(), intake.clientEmail() == null,
					intake.forms().stream().map(form -> FormAnswers.of(form, submissions, earlier)).toList(),
					intake.reviews());
		}

	}

	/**
	 * @param submissions this booking's submissions to the form, oldest first; a form
	 * covered by an earlier booking's submission names it in {@code reusedSubmission}
	 */
	record FormAnswers(String templateId, String kind, String title, long version, String contentHash, boolean done,
			boolean reused, @Nullable SubmissionView reusedSubmission, List<SubmissionView> submissions) {

		static FormAnswers of(DueForm form, List<Submission> submissions,
				java.util.function.Function<String, java.util.Optional<Submission>> earlier) {
			SubmissionView reused = (form.reused() && form.submissionId() != null)
					? earlier.apply(form.submissionId()).map(SubmissionView::of).orElse(null) : null;
			return new FormAnswers(form.templateId(), form.kind().name(), form.title(), form.version(),
					form.contentHash(), form.done(), form.reused(), reused,
					submissions.stream()
						.filter(submission -> submission.templateId().equals(form.templateId()))
						.map(SubmissionView::of)
						.toList());
		}

	}

	record SubmissionView(String submissionId, Instant submittedAt, String signedName, String address, String userAgent,
			long version, String contentHash, boolean flagged, List<Answer> answers) {

		static SubmissionView of(Submission submission) {
			return new SubmissionView(submission.id(), submission.submittedAt(), submission.signedName(),
					submission.address(), submission.userAgent(), submission.version(), submission.contentHash(),
					submission.flagged(), submission.answers());
		}

	}

}
