/** Package events in, receipts planned. */
@NullMarked
package dev.medspa.notification.prepaid.messaging;

import org.jspecify.annotations.NullMarked;
