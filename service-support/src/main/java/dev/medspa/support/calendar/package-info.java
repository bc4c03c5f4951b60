/** iCalendar text details that every service writing calendars shares. */
@NullMarked
package dev.medspa.support.calendar;

import org.jspecify.annotations.NullMarked;
