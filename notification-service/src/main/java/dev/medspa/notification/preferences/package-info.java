/** What clients chose to hear: an opt-out of optional messages, by unsubscribe link. */
@NullMarked
package dev.medspa.notification.preferences;

import org.jspecify.annotations.NullMarked;
