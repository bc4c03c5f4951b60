/**
 * Real infrastructure for integration tests.
 * {@link dev.medspa.testsupport.LocalInfrastructure} gives a Spring Boot test the JVM's
 * shared Kafka broker, MongoDB-wire store and SMTP server, with a database, topic prefix
 * and consumer group of its own and a context closed after the class;
 * {@link dev.medspa.testsupport.SharedLocalInfrastructure} does the same for classes
 * whose data cannot meet, with one cached context between them;
 * {@link dev.medspa.testsupport.ContainersInfrastructure} puts real Kafka and MongoDB
 * containers in their place where a Docker daemon runs.
 */
@NullMarked
package dev.medspa.testsupport;

import org.jspecify.annotations.NullMarked;
