/** The owners' webhook API and the HTTP adapter that posts deliveries. */
@NullMarked
package dev.medspa.notification.webhook.web;

import org.jspecify.annotations.NullMarked;
