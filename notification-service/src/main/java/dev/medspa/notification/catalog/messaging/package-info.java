/** Reads the catalog's state topics into the read model. */
@NullMarked
package dev.medspa.notification.catalog.messaging;

import org.jspecify.annotations.NullMarked;
