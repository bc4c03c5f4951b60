/**
 * Real infrastructure that starts inside a JVM without Docker: an Apache Kafka broker in
 * KRaft mode, a MongoDB-wire server and an SMTP server. The local platform runs on it,
 * and so do the integration tests.
 */
@NullMarked
package dev.medspa.infrastructure;

import org.jspecify.annotations.NullMarked;
