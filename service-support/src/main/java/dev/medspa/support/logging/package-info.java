/**
 * Log converters that mask contact data in every message and stack trace the services
 * write (see {@code logback-spring.xml}).
 */
@NullMarked
package dev.medspa.support.logging;

import org.jspecify.annotations.NullMarked;
