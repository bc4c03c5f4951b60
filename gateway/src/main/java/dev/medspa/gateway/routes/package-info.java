/**
 * Routes of the public and staff APIs to the services.
 */
@NullMarked
package dev.medspa.gateway.routes;

import org.jspecify.annotations.NullMarked;
