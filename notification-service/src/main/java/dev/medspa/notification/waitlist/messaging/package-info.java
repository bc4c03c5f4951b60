/** Waitlist events in, plan changes out. */
@NullMarked
package dev.medspa.notification.waitlist.messaging;

import org.jspecify.annotations.NullMarked;
