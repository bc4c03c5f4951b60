/**
 * The delivery ledger: one entry per message, claimed atomically before sending and
 * marked after.
 */
@NullMarked
package dev.medspa.notification.delivery;

import org.jspecify.annotations.NullMarked;
