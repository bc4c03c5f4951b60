/** Practitioners: who may give which treatment where. */
@NullMarked
package dev.medspa.catalog.practitioner;

import org.jspecify.annotations.NullMarked;
