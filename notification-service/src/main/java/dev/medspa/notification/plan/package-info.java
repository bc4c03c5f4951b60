/**
 * The plan of a booking: every message the client should get, with its due time, channel
 * and state, kept in one document per booking so that every change is one atomic write.
 */
@NullMarked
package dev.medspa.notification.plan;

import org.jspecify.annotations.NullMarked;
