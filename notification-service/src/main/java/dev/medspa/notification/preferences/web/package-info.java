/** The unsubscribe link's endpoint. */
@NullMarked
package dev.medspa.notification.preferences.web;

import org.jspecify.annotations.NullMarked;
