/**
 * Codes that prove a client reads the e-mail address they typed, sent on request; see
 * {@link dev.medspa.support.links.EmailCodes}.
 */
@NullMarked
package dev.medspa.notification.verification;

import org.jspecify.annotations.NullMarked;
