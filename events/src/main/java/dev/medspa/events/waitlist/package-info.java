/**
 * The life events of a place on a waitlist, keyed by the place's id so that one waiter's
 * events stay in order. They carry ids, times, the waiter's wishes and the contact the
 * waiter gave for messages; never a link (notification-service derives it from the id).
 */
@NullMarked
package dev.medspa.events.waitlist;

import org.jspecify.annotations.NullMarked;
