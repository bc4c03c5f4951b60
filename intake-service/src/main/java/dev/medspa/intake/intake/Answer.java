package dev.medspa.intake.intake;

import org.jspecify.annotations.Nullable;

/**
 * One answer as submitted, with the question's label as the client read it.
 *
 * @param answer empty when an optional question was left unanswered
 * @param flagged whether it calls for a practitioner's review
 */
public record Answer(String questionId, String label, @Nullable String answer, boolean flagged) {
}
