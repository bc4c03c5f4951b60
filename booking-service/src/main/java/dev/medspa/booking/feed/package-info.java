/**
 * Private calendar feeds for staff: a practitioner's or a whole location's bookings as an
 * iCalendar document that calendar apps subscribe to. The address carries a capability of
 * which only a hash is stored; a manager of the location issues and revokes it.
 */
@NullMarked
package dev.medspa.booking.feed;

import org.jspecify.annotations.NullMarked;
