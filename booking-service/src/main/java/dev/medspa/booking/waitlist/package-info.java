/**
 * The waitlist: clients wait for a treatment in a window of days and times; a slot freed
 * by a cancellation or a move is held and offered to them in turn (or to several at
 * once), each offer time-boxed and never running through the night; the offer's link
 * books it through the same day-sheet claim as every booking, so only one can ever have
 * it.
 */
@NullMarked
package dev.medspa.booking.waitlist;

import org.jspecify.annotations.NullMarked;
