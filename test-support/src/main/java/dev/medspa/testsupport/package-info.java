/**
 * Real infrastructure for integration tests.
 * {@link dev.medspa.testsupport.LocalInfrastructure} gives a Spring Boot test the JVM's
 * shared Kafka broker, MongoDB-wire store and SMTP server, with a database, topic prefix
 * and consumer group of its own; {@link dev.medspa.testsupport.ContainersInfrastructure}
 * puts real Kafka and MongoDB containers in their place where a Docker daemon runs.
 */
@NullMarked
package dev.medspa.testsupport;

import org.jspecify.annotations.NullMarked;
