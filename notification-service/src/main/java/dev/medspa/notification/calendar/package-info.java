/** Calendar invitations (iCalendar, RFC 5545) attached to booking e-mails. */
@NullMarked
package dev.medspa.notification.calendar;

import org.jspecify.annotations.NullMarked;
