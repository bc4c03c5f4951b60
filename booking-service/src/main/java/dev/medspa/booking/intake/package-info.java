/**
 * Where each booking's intake and consent forms stand, as intake-service tells it: kept
 * per booking for staff to see, and a treatment a practitioner declined after the health
 * review cancels its booking as the clinic.
 */
@NullMarked
package dev.medspa.booking.intake;

import org.jspecify.annotations.NullMarked;
