package dev.medspa.intake.intake;

import java.time.Instant;

import dev.medspa.intake.form.FormKind;
import org.jspecify.annotations.Nullable;

/**
 * One form a booking asks for, in the version current when the booking was made.
 *
 * @param submissionId the newest submission for it, or null while it is due
 * @param reused true when an earlier booking's submission covers it (a recent health
 * questionnaire, or a consent already signed in this version)
 */
public record DueForm(String templateId, FormKind kind, String title, long version, String contentHash,
		@Nullable String submissionId, @Nullable Instant submittedAt, boolean flagged, boolean reused) {

	public boolean done() {
		return this.submissionId != null;
	}

	DueForm answered(Submission submission) {
		return new DueForm(this.templateId, this.kind, this.title, this.version, this.contentHash, submission.id(),
				submission.submittedAt(), submission.flagged(), false);
	}

}
