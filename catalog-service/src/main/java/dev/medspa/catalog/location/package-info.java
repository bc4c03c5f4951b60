/** Locations: where the clinic is, in which time zone, with which rooms and devices. */
@NullMarked
package dev.medspa.catalog.location;

import org.jspecify.annotations.NullMarked;
