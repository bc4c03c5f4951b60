/** Booking service: owns bookings and their life. */
@NullMarked
package dev.medspa.booking;

import org.jspecify.annotations.NullMarked;
