/** Wiring: topics and dead-letter topics. */
@NullMarked
package dev.medspa.notification.config;

import org.jspecify.annotations.NullMarked;
