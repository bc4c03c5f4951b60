/** The audit log's recording of staff requests and its owner-only read API. */
@NullMarked
package dev.medspa.support.audit.web;

import org.jspecify.annotations.NullMarked;
