/**
 * What intake-service tells the rest of the platform about a booking's forms: ids, a
 * status and times only. Questions, answers, signatures and the practitioner's words
 * never leave intake-service's own database.
 */
@NullMarked
package dev.medspa.events.intake;

import org.jspecify.annotations.NullMarked;
