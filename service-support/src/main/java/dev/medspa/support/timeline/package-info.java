/**
 * Things noted by the minute they fall in, and read back by {@code _id} alone, so a
 * periodic job finds what is due without a query whose cost grows with the data.
 */
@NullMarked
package dev.medspa.support.timeline;

import org.jspecify.annotations.NullMarked;
