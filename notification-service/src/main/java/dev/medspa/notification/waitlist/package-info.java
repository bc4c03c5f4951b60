/**
 * Places on waitlists: each is planned like a booking, in the same plan store, so its
 * messages are claimed, sent once and recorded by the same dispatcher.
 */
@NullMarked
package dev.medspa.notification.waitlist;

import org.jspecify.annotations.NullMarked;
