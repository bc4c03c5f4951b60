/** Catalog service: owns treatments, locations and practitioners. */
@NullMarked
package dev.medspa.catalog;

import org.jspecify.annotations.NullMarked;
