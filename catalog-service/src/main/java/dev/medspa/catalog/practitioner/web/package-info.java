/** The practitioner API. */
@NullMarked
package dev.medspa.catalog.practitioner.web;

import org.jspecify.annotations.NullMarked;
