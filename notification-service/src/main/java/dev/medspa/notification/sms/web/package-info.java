/** The HTTP adapter to an SMS provider; HTTP stays out of the rest of the service. */
@NullMarked
package dev.medspa.notification.sms.web;

import org.jspecify.annotations.NullMarked;
