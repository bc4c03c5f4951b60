/**
 * The payment adapters that speak HTTP: the ledger API for staff, and the client of a
 * card-token provider.
 */
@NullMarked
package dev.medspa.booking.payment.web;

import org.jspecify.annotations.NullMarked;
