/**
 * The audit log: who did what to which entity, when, from where and why, one entry per
 * staff action, appended and never changed.
 */
@NullMarked
package dev.medspa.support.audit;

import org.jspecify.annotations.NullMarked;
