/**
 * Signed webhooks: owners register endpoints of other systems (a CRM, a marketing tool)
 * and every booking and waitlist event they ask for is delivered to them as a CloudEvent,
 * signed after the Standard Webhooks specification, at least once, with the same
 * {@code webhook-id} on every attempt. Deliveries are stored before they are sent,
 * claimed under a lease and retried with a growing wait for about three days; an endpoint
 * that keeps failing is flagged and its contact told, never switched off.
 */
@NullMarked
package dev.medspa.notification.webhook;

import org.jspecify.annotations.NullMarked;
