/** MongoDB storage of forms, bookings' intakes and submissions. */
@NullMarked
package dev.medspa.intake.persistence;

import org.jspecify.annotations.NullMarked;
