/**
 * Text messages through a provider adapter: a local sink that records what would be sent,
 * or an HTTP provider. Which one runs is a setting, so development and tests never text a
 * real phone.
 */
@NullMarked
package dev.medspa.notification.sms;

import org.jspecify.annotations.NullMarked;
