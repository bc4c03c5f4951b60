/**
 * Prepaid packages: a course of sessions of one treatment bought at once at a package
 * price, through the same payment provider as deposits. Each session booked with the
 * package holds one of its credits instead of a deposit; a cancellation in time gives the
 * credit back, a late cancellation or a missed visit forfeits it where the accepted
 * cancellation policy has a fee for it.
 */
@NullMarked
package dev.medspa.booking.prepaid;

import org.jspecify.annotations.NullMarked;
