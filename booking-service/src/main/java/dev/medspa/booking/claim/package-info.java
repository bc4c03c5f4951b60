/**
 * Day sheets: every interval a booking or hold claims at a location on a day, changed
 * only by compare-and-set, so two overlapping claims can never both win.
 */
@NullMarked
package dev.medspa.booking.claim;

import org.jspecify.annotations.NullMarked;
