/**
 * Cancellation policies: what a treatment asks of a client at booking (a deposit, a card
 * on file) and what a late cancellation or a no-show costs, per treatment and optionally
 * per location, each change a new immutable version that a booking keeps as evidence.
 */
@NullMarked
package dev.medspa.booking.policy;

import org.jspecify.annotations.NullMarked;
