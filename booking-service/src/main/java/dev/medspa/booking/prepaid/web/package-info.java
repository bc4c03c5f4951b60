/**
 * The package API: offers and purchases for clients, a client's balance through their
 * manage link, and what staff read and change.
 */
@NullMarked
package dev.medspa.booking.prepaid.web;

import org.jspecify.annotations.NullMarked;
