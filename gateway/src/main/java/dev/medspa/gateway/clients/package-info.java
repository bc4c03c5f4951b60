/**
 * A client's data across the chain, for owners: one export file gathered from the
 * services, and erasure through booking-service (whose events tell the others).
 */
@NullMarked
package dev.medspa.gateway.clients;

import org.jspecify.annotations.NullMarked;
