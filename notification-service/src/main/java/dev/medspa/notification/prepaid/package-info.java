/**
 * Prepaid packages: each purchase gets one receipt, planned like a booking's messages in
 * the same plan store, so it is claimed, sent once and recorded by the same dispatcher.
 */
@NullMarked
package dev.medspa.notification.prepaid;

import org.jspecify.annotations.NullMarked;
