/** Wiring: topics, outbox collections and public routes. */
@NullMarked
package dev.medspa.catalog.config;

import org.jspecify.annotations.NullMarked;
