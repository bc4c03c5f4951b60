/**
 * Intake service: the forms a client fills in before a visit (health questionnaires and
 * consents), their immutable versions, and the answers and signatures given. Health data
 * lives in this service's own database only; the rest of the platform learns from
 * {@code intake.events.v1} only whether a booking's forms are due, complete or under
 * review.
 */
@NullMarked
package dev.medspa.intake;

import org.jspecify.annotations.NullMarked;
