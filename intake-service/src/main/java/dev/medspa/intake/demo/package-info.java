/** The demo forms the local platform starts with. */
@NullMarked
package dev.medspa.intake.demo;

import org.jspecify.annotations.NullMarked;
