/** The public location API. */
@NullMarked
package dev.medspa.catalog.location.web;

import org.jspecify.annotations.NullMarked;
