/**
 * What a message says: subjects, plain-text and HTML bodies from templates, and the
 * calendar invite.
 */
@NullMarked
package dev.medspa.notification.compose;

import org.jspecify.annotations.NullMarked;
