/** The public availability API. */
@NullMarked
package dev.medspa.booking.availability.web;

import org.jspecify.annotations.NullMarked;
