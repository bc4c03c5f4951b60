/**
 * The gateway: pages, staff identity and API routes.
 */
@NullMarked
package dev.medspa.gateway;

import org.jspecify.annotations.NullMarked;
