/** The delivery ledger for staff. */
@NullMarked
package dev.medspa.notification.delivery.web;

import org.jspecify.annotations.NullMarked;
