/**
 * Bookable starts: where a qualified practitioner works, a room of the right type is
 * free, and the whole interval with preparation and clean-up is free for both.
 */
@NullMarked
package dev.medspa.booking.availability;

import org.jspecify.annotations.NullMarked;
