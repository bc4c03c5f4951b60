/**
 * Tasks that run once per installation, such as listing what was stored before a list
 * existed.
 */
@NullMarked
package dev.medspa.support.once;

import org.jspecify.annotations.NullMarked;
