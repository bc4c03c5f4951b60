package dev.medspa.intake.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One question of a form version.
 *
 * @param id stable within the template, so answers to two versions can be compared
 * @param help a line that explains the question, if any
 * @param choices the answers a {@link QuestionKind#CHOICE} question offers; empty
 * otherwise
 * @param flagWhen answers that call for a practitioner's review; a flagged answer never
 * refuses the booking by itself
 */
public record Question(String id, QuestionKind kind, String label, @Nullable String help, boolean required,
		List<String> choices, List<String> flagWhen) {

	public static final int MAX_TEXT = 2000;

	public Question {
		choices = choices == null ? List.of() : List.copyOf(choices);
		flagWhen = flagWhen == null ? List.of() : List.copyOf(flagWhen);
	}

	/**
	 * The answer as it is kept, or why it cannot be taken.
	 * @param given what the client sent; blank means not answered
	 * @return the normalised answer, empty when not answered
	 * @throws IllegalArgumentException with a message for the client when the answer does
	 * not fit the question
	 */
	public Optional<String> normalise(@Nullable String given) {
		if (given == null || given.isBlank()) {
			if (this.required) {
				throw new IllegalArgumentException("Please answer this question");
			}
			return Optional.empty();
		}
		String answer = given.strip();
		return Optional.of(switch (this.kind) {
			case YES_NO -> {
				String lower = answer.toLowerCase(Locale.ROOT);
				if (!lower.equals("yes") && !lower.equals("no")) {
					throw new IllegalArgumentException("Answer yes or no");
				}
				yield lower;
			}
			case CHOICE -> {
				if (!this.choices.contains(answer)) {
					throw new IllegalArgumentException("Choose one of: " + String.join(", ", this.choices));
				}
				yield answer;
			}
			case TEXT -> {
				if (answer.length() > MAX_TEXT) {
					throw new IllegalArgumentException("At most " + MAX_TEXT + " characters");
				}
				yield answer;
			}
			case DATE -> {
				try {
					yield LocalDate.parse(answer).toString();
				}
				catch (DateTimeParseException ex) {
					throw new IllegalArgumentException("A date such as 2027-01-31");
				}
			}
		});
	}

	/** Whether this answer calls for a practitioner's review. */
	public boolean flags(@Nullable String answer) {
		return answer != null && this.flagWhen.stream().anyMatch(flag -> flag.equalsIgnoreCase(answer));
	}

}
