/** The client's forms link and the staff routes to a booking's answers. */
@NullMarked
package dev.medspa.intake.intake.web;

import org.jspecify.annotations.NullMarked;
