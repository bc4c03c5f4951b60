/**
 * Practitioners' working schedules: weekly hours per location and dated exceptions, in
 * each location's zone.
 */
@NullMarked
package dev.medspa.booking.schedule;

import org.jspecify.annotations.NullMarked;
