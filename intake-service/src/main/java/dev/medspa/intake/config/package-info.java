/** Wiring: routes and who may call them, topics, outbox, link keys. */
@NullMarked
package dev.medspa.intake.config;

import org.jspecify.annotations.NullMarked;
