/**
 * Prepaid packages: what a client bought, for the buyer's receipt and for systems that
 * follow the chain's sales. They carry the provider's reference of a charge, never card
 * data.
 */
@NullMarked
package dev.medspa.events.prepaid;

import org.jspecify.annotations.NullMarked;
