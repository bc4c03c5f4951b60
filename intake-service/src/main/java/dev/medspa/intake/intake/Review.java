package dev.medspa.intake.intake;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A practitioner's decision on answers that called for review.
 *
 * @param decision {@code CLEARED} or {@code DECLINED}
 * @param reason for a decline, the code the client's message is worded from
 * @param note the practitioner's own words, kept here only
 */
public record Review(String decision, @Nullable String reason, String note, String by, Instant at) {
}
