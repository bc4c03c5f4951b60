/** Reads the catalog's state topics into the read model. */
@NullMarked
package dev.medspa.booking.catalog.messaging;

import org.jspecify.annotations.NullMarked;
