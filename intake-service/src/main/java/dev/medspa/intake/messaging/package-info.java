/** The booking events intake-service follows. */
@NullMarked
package dev.medspa.intake.messaging;

import org.jspecify.annotations.NullMarked;
