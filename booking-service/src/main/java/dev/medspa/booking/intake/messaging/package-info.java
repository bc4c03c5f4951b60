/** Reads intake-service's status changes and hands them to the intake feature. */
@NullMarked
package dev.medspa.booking.intake.messaging;

import org.jspecify.annotations.NullMarked;
