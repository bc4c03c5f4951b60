/** E-mail over SMTP. */
@NullMarked
package dev.medspa.notification.mail;

import org.jspecify.annotations.NullMarked;
