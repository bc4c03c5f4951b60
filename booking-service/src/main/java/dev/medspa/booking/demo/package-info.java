/** Demo schedules a local platform starts with. */
@NullMarked
package dev.medspa.booking.demo;

import org.jspecify.annotations.NullMarked;
