/** The booking API. */
@NullMarked
package dev.medspa.booking.reservation.web;

import org.jspecify.annotations.NullMarked;
