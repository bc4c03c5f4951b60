package dev.medspa.notification.plan;

import dev.medspa.support.timeline.QuietHours;
import java.time.Duration;

/**
 * When the messages of a plan fall.
 *
 * @param quietHours the night in the location's zone
 * @param reminderBefore the e-mail reminder, before the start (whole days keep the local
 * time of day across a daylight-saving change)
 * @param smsReminderBefore the shorter SMS reminder, before the start
 * @param preCareBefore the pre-care message, before the start
 * @param seriesWait how long the confirmation of a course booked in one go waits, after
 * the first of its sessions' confirmations arrived, for the others
 */
public record PlanRules(QuietHours quietHours, Duration reminderBefore, Duration smsReminderBefore,
		Duration preCareBefore, Duration seriesWait) {

	/** The default wait for a course's sessions: ten minutes. */
	public static final Duration SERIES_WAIT = Duration.ofMinutes(10);

	public PlanRules(QuietHours quietHours, Duration reminderBefore, Duration smsReminderBefore,
			Duration preCareBefore) {
		this(quietHours, reminderBefore, smsReminderBefore, preCareBefore, SERIES_WAIT);
	}

}
