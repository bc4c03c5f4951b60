/** The staff routes to form templates and their versions. */
@NullMarked
package dev.medspa.intake.form.web;

import org.jspecify.annotations.NullMarked;
