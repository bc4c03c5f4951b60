/** Booking and intake events in, plan changes out. */
@NullMarked
package dev.medspa.notification.plan.messaging;

import org.jspecify.annotations.NullMarked;
