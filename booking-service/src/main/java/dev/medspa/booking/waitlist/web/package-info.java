/**
 * The waitlist's HTTP API: joining, seeing and leaving a place, claiming an offer, and
 * the staff's view.
 */
@NullMarked
package dev.medspa.booking.waitlist.web;

import org.jspecify.annotations.NullMarked;
