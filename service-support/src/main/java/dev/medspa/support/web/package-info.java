/**
 * Errors as RFC 9457 problem details: a stable type per error, the field and the reason,
 * never a stack trace.
 */
@NullMarked
package dev.medspa.support.web;

import org.jspecify.annotations.NullMarked;
