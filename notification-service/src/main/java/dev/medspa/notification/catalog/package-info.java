/**
 * This service's copy of what messages name: treatments and locations, with their time
 * zones.
 */
@NullMarked
package dev.medspa.notification.catalog;

import org.jspecify.annotations.NullMarked;
