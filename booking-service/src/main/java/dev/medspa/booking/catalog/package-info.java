/**
 * This service's own copy of the catalog, kept from the catalog's state topics, so that
 * bookings never wait on the catalog service.
 */
@NullMarked
package dev.medspa.booking.catalog;

import org.jspecify.annotations.NullMarked;
