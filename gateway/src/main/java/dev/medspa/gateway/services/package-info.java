/**
 * Calls from the pages to the services, with the signed-in user's token on staff calls.
 */
@NullMarked
package dev.medspa.gateway.services;

import org.jspecify.annotations.NullMarked;
