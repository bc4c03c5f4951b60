/**
 * Read models kept from state topics: a newer version replaces an older one, and nothing
 * else changes them.
 */
@NullMarked
package dev.medspa.support.readmodel;

import org.jspecify.annotations.NullMarked;
