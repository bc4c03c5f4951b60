/** The demo catalog a local platform starts with. */
@NullMarked
package dev.medspa.catalog.demo;

import org.jspecify.annotations.NullMarked;
