/**
 * Deny by default: each service lists its public routes; staff routes under /api/staff/**
 * need a valid JWT.
 */
@NullMarked
package dev.medspa.support.security;

import org.jspecify.annotations.NullMarked;
