/**
 * Kafka plumbing: topic names, the CloudEvents envelope, event deserialization by logical
 * type, and the dead-letter error handler.
 */
@NullMarked
package dev.medspa.support.messaging;

import org.jspecify.annotations.NullMarked;
