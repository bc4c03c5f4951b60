/** What payments learn from the booking events: cancellations and no-shows. */
@NullMarked
package dev.medspa.booking.payment.messaging;

import org.jspecify.annotations.NullMarked;
