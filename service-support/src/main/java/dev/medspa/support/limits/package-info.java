/**
 * Abuse limits that hold across instances: one conditional write per counter on the
 * store.
 */
@NullMarked
package dev.medspa.support.limits;

import org.jspecify.annotations.NullMarked;
