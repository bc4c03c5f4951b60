/**
 * Starts the whole platform on one machine without Docker: Kafka, the MongoDB-wire store
 * and the SMTP server in this JVM, and each service in a JVM of its own.
 */
@NullMarked
package dev.medspa.platform;

import org.jspecify.annotations.NullMarked;
