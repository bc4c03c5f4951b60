/** The staff schedule API. */
@NullMarked
package dev.medspa.booking.schedule.web;

import org.jspecify.annotations.NullMarked;
