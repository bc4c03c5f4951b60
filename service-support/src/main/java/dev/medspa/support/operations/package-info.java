/**
 * What operators see of a running service: the metrics scrape behind its own password,
 * readiness that follows the broker, and the meters every service shares.
 */
@NullMarked
package dev.medspa.support.operations;

import org.jspecify.annotations.NullMarked;
