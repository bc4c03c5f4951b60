package dev.medspa.intake.intake;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's answers to one form version, as given: never changed. A correction is a new
 * submission; the newest counts. The evidence of signing is kept with it: the exact
 * version and its content hash, the typed name, the time, and where it came from.
 *
 * @param clientEmail the address the booking was made with, lower-cased, so a client's
 * later bookings and their data requests find it
 * @param address the client's network address as the gateway saw it
 * @param userAgent the browser's own description
 */
@Document(Submission.COLLECTION)
public record Submission(@Id String id, String bookingId, String clientEmail, String templateId, long version,
		String contentHash, List<Answer> answers, String signedName, Instant submittedAt, String address,
		String userAgent) {

	public static final String COLLECTION = "submissions";

	public Submission {
		answers = List.copyOf(answers);
	}

	public boolean flagged() {
		return this.answers.stream().anyMatch(Answer::flagged);
	}

}
