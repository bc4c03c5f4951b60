/** The confirmation of a booking, sent once whatever the redeliveries. */
@NullMarked
package dev.medspa.notification.confirmation;

import org.jspecify.annotations.NullMarked;
