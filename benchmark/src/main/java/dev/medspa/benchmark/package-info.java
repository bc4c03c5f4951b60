/**
 * A benchmark of the packaged platform: it starts the gateway and the three services from
 * their jars on a real broker, store and SMTP server, loads a chain and a stored history
 * over HTTP, and measures each figure next to a floor measured in the same run, because a
 * shared machine is too noisy for absolute numbers alone. Targets are printed as met or
 * not met, never asserted.
 */
@NullMarked
package dev.medspa.benchmark;

import org.jspecify.annotations.NullMarked;
