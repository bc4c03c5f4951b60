/**
 * Sending: due messages are claimed under a lease, checked against the booking's latest
 * state, sent, and their outcome recorded in the plan, which is the delivery ledger.
 */
@NullMarked
package dev.medspa.notification.delivery;

import org.jspecify.annotations.NullMarked;
