/**
 * The forms of each booking: which are due, the answers and signatures given (immutable
 * submissions, with their evidence), the practitioner's review, and the status the rest
 * of the platform is told.
 */
@NullMarked
package dev.medspa.intake.intake;

import org.jspecify.annotations.NullMarked;
