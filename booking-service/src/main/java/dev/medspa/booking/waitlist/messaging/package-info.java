/** Reads the booking events that free a slot and hands them to the waitlist's offers. */
@NullMarked
package dev.medspa.booking.waitlist.messaging;

import org.jspecify.annotations.NullMarked;
