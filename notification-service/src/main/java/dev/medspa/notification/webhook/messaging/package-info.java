/** Booking and waitlist events in, deliveries to the endpoints that want them out. */
@NullMarked
package dev.medspa.notification.webhook.messaging;

import org.jspecify.annotations.NullMarked;
