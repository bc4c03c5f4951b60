/**
 * The chain's audit log as an owner reads it: the services' logs and the gateway's own
 * (sign-ins, staff accounts), merged newest first.
 */
@NullMarked
package dev.medspa.gateway.audit;

import org.jspecify.annotations.NullMarked;
