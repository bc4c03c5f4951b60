/**
 * State transfer of the catalog: each record is the full current state of one entity,
 * keyed by its id.
 */
@NullMarked
package dev.medspa.events.catalog;

import org.jspecify.annotations.NullMarked;
