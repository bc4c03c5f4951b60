/** The public endpoint that sends an e-mail code. */
@NullMarked
package dev.medspa.notification.verification.web;

import org.jspecify.annotations.NullMarked;
