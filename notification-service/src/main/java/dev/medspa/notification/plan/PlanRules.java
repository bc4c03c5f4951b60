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
 * @param formsReminderBefore the reminder of forms still to be filled in, before the
 * start (or halfway between the moment the forms fell due and the start, if that is
 * later)
 * @param confirmationGrace how long a booking's confirmation waits after the booking was
 * confirmed, so that intake-service's word on its forms (which follows the confirmation
 * within a second or two) usually arrives first and the confirmation carries the forms'
 * link; zero sends it at once
 */
public record PlanRules(QuietHours quietHours, Duration reminderBefore, Duration smsReminderBefore,
		Duration preCareBefore, Duration seriesWait, Duration formsReminderBefore, Duration confirmationGrace) {

	/** The default wait for a course's sessions: ten minutes. */
	public static final Duration SERIES_WAIT = Duration.ofMinutes(10);

	/** The default time of the forms' reminder: three days before the start. */
	public static final Duration FORMS_REMINDER_BEFORE = Duration.ofDays(3);

	public PlanRules {
		if (confirmationGrace.isNegative()) {
			throw new IllegalArgumentException("The confirmation's grace cannot be negative: " + confirmationGrace);
		}
	}

	/** No grace: the confirmation goes as soon as the booking is confirmed. */
	public PlanRules(QuietHours quietHours, Duration reminderBefore, Duration smsReminderBefore, Duration preCareBefore,
			Duration seriesWait, Duration formsReminderBefore) {
		this(quietHours, reminderBefore, smsReminderBefore, preCareBefore, seriesWait, formsReminderBefore,
				Duration.ZERO);
	}

	public PlanRules(QuietHours quietHours, Duration reminderBefore, Duration smsReminderBefore, Duration preCareBefore,
			Duration seriesWait) {
		this(quietHours, reminderBefore, smsReminderBefore, preCareBefore, seriesWait, FORMS_REMINDER_BEFORE);
	}

	public PlanRules(QuietHours quietHours, Duration reminderBefore, Duration smsReminderBefore,
			Duration preCareBefore) {
		this(quietHours, reminderBefore, smsReminderBefore, preCareBefore, SERIES_WAIT);
	}

}
