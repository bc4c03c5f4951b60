/** The series' HTTP API: the proposed dates, and the booking of a whole course. */
@NullMarked
package dev.medspa.booking.series.web;

import org.jspecify.annotations.NullMarked;
