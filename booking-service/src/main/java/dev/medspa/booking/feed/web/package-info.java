/** The staff API that issues, lists and revokes feeds, and the public feed address. */
@NullMarked
package dev.medspa.booking.feed.web;

import org.jspecify.annotations.NullMarked;
