/**
 * Staff accounts, sign-in, the signing key and the access tokens the services check.
 */
@NullMarked
package dev.medspa.gateway.identity;

import org.jspecify.annotations.NullMarked;
