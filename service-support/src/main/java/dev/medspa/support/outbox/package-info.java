/**
 * The embedded outbox: events are written in the same document as the change, and a relay
 * publishes them to Kafka and then removes them.
 */
@NullMarked
package dev.medspa.support.outbox;

import org.jspecify.annotations.NullMarked;
