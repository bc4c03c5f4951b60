/**
 * Money movements of a booking (deposit, fees, refunds) through a payment provider, each
 * first written as a pending ledger line, then sent under an idempotency key that follows
 * from the booking and the movement, then settled; the card itself is never seen here,
 * only the provider's token for it.
 */
@NullMarked
package dev.medspa.booking.payment;

import org.jspecify.annotations.NullMarked;
