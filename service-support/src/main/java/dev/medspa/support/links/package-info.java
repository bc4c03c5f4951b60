/**
 * Client links derived from a key the installation keeps in its configuration, never
 * carried on Kafka or stored.
 */
@NullMarked
package dev.medspa.support.links;

import org.jspecify.annotations.NullMarked;
