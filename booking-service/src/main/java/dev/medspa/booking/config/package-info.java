/** Wiring: topics, outbox collections and public routes. */
@NullMarked
package dev.medspa.booking.config;

import org.jspecify.annotations.NullMarked;
