package dev.medspa.intake.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.support.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The forms of one booking and where they stand. Every change raises
 * {@link #intakeVersion()}; a change of status appends its event to the embedded outbox.
 *
 * @param clientEmail lower-cased; null once the client's data is erased
 * @param clientName null once the client's data is erased
 * @param closed the booking was cancelled: nothing more is asked or told
 */
@Document(BookingIntake.COLLECTION)
public record BookingIntake(@Id String id, String locationId, String treatmentId, Instant start,
		@Nullable String clientEmail, @Nullable String clientName, List<DueForm> forms, List<Review> reviews,
		String status, @Nullable String declineReason, boolean closed, long intakeVersion, List<OutboxMessage> outbox) {

	public static final String COLLECTION = "booking_intakes";

	public BookingIntake {
		forms = List.copyOf(forms);
		reviews = reviews == null ? List.of() : List.copyOf(reviews);
		outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
	}

	/** A new booking's forms. */
	static BookingIntake open(String bookingId, String locationId, String treatmentId, Instant start,
			String clientEmail, String clientName, List<DueForm> forms) {
		return new BookingIntake(bookingId, locationId, treatmentId, start, clientEmail, clientName, forms, List.of(),
				statusOf(forms, List.of()), null, false, 1, List.of());
	}

	/** How many forms are still to be filled in. */
	public int formsDue() {
		return (int) this.forms.stream().filter(form -> !form.done()).count();
	}

	public @Nullable DueForm form(String templateId) {
		return this.forms.stream().filter(form -> form.templateId().equals(templateId)).findFirst().orElse(null);
	}

	/** Whether the client may still send answers. */
	public boolean open() {
		return !this.closed && !IntakeStatusChanged.DECLINED.equals(this.status);
	}

	BookingIntake withAnswer(Submission submission) {
		List<DueForm> next = this.forms.stream()
			.map(form -> form.templateId().equals(submission.templateId()) ? form.answered(submission) : form)
			.toList();
		return with(next, this.reviews, statusOf(next, this.reviews), null);
	}

	BookingIntake withReview(Review review) {
		List<Review> next = new ArrayList<>(this.reviews);
		next.add(review);
		return with(this.forms, next, review.decision(), review.reason());
	}

	BookingIntake movedTo(Instant newStart) {
		return new BookingIntake(this.id, this.locationId, this.treatmentId, newStart, this.clientEmail,
				this.clientName, this.forms, this.reviews, this.status, this.declineReason, this.closed,
				this.intakeVersion + 1, this.outbox);
	}

	BookingIntake closedNow() {
		return new BookingIntake(this.id, this.locationId, this.treatmentId, this.start, this.clientEmail,
				this.clientName, this.forms, this.reviews, this.status, this.declineReason, true,
				this.intakeVersion + 1, this.outbox);
	}

	BookingIntake erased() {
		return new BookingIntake(this.id, this.locationId, this.treatmentId, this.start, null, null, this.forms,
				this.reviews.stream()
					.map(review -> new Review(review.decision(), review.reason(), "", review.by(), review.at()))
					.toList(),
				this.status, this.declineReason, this.closed, this.intakeVersion + 1, this.outbox);
	}

	private BookingIntake with(List<DueForm> forms, List<Review> reviews, String status,
			@Nullable String declineReason) {
		return new BookingIntake(this.id, this.locationId, this.treatmentId, this.start, this.clientEmail,
				this.clientName, forms, reviews, status, declineReason, this.closed, this.intakeVersion + 1,
				this.outbox);
	}

	/**
	 * DUE while a form is missing; then NEEDS_REVIEW when an answer given since the last
	 * review calls for one, the last review's decision when it still stands, else
	 * COMPLETE.
	 */
	static String statusOf(List<DueForm> forms, List<Review> reviews) {
		if (forms.stream().anyMatch(form -> !form.done())) {
			return IntakeStatusChanged.DUE;
		}
		Review last = reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
		boolean flaggedSinceReview = forms.stream()
			.anyMatch(form -> form.flagged()
					&& (last == null || form.submittedAt() == null || form.submittedAt().isAfter(last.at())));
		if (flaggedSinceReview) {
			return IntakeStatusChanged.NEEDS_REVIEW;
		}
		if (last != null) {
			return last.decision();
		}
		return IntakeStatusChanged.COMPLETE;
	}

}
