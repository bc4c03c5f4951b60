/**
 * How catalog entities are stored: every change one compare-and-set write that also
 * appends its event.
 */
@NullMarked
package dev.medspa.catalog.persistence;

import org.jspecify.annotations.NullMarked;
