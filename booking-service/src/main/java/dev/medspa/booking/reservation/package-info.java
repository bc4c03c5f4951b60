/**
 * Bookings: made, stored with their events in one write, and published by the outbox
 * relay.
 */
@NullMarked
package dev.medspa.booking.reservation;

import org.jspecify.annotations.NullMarked;
