/**
 * The life events of a booking. They carry ids, times and the contact the client gave for
 * messages; never notes, intake answers or other health details.
 */
@NullMarked
package dev.medspa.events.booking;

import org.jspecify.annotations.NullMarked;
