/** Notification service: owns what is sent to clients, when, and whether it arrived. */
@NullMarked
package dev.medspa.notification;

import org.jspecify.annotations.NullMarked;
