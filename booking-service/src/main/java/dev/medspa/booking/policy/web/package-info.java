/** The cancellation policy API: the public read and the staff changes. */
@NullMarked
package dev.medspa.booking.policy.web;

import org.jspecify.annotations.NullMarked;
