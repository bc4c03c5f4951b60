/** Reads booking events. */
@NullMarked
package dev.medspa.notification.confirmation.messaging;

import org.jspecify.annotations.NullMarked;
