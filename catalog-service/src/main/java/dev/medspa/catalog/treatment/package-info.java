/**
 * Treatments: what the clinic offers, how long it takes, what it needs and what aftercare
 * follows.
 */
@NullMarked
package dev.medspa.catalog.treatment;

import org.jspecify.annotations.NullMarked;
