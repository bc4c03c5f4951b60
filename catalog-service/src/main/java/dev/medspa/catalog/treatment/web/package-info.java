/** The public treatment API. */
@NullMarked
package dev.medspa.catalog.treatment.web;

import org.jspecify.annotations.NullMarked;
