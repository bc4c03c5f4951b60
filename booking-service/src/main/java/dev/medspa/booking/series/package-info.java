/**
 * A course booked in one go: the sessions of a series at its recommended spacing, never
 * below its minimum, all or nothing, without multi-document transactions: every session
 * is held first, then each hold becomes a booking; a session that cannot be had lets go
 * of the others, and a crash in the middle is finished or undone by the sweeper from the
 * series' own record.
 */
@NullMarked
package dev.medspa.booking.series;

import org.jspecify.annotations.NullMarked;
