package dev.medspa.notification.plan;

import java.time.Instant;

/**
 * A plan was written with a message due now, such as a confirmation.
 *
 * @param bookingId the plan
 * @param at its next due time as written
 * @param revision the plan revision written
 */
public record MessagesDue(String bookingId, Instant at, long revision) {

	static void ifAnyFor(Plan plan, Instant now, org.springframework.context.ApplicationEventPublisher events) {
		Instant due = plan.nextDueAt();
		if (due != null && !due.isAfter(now)) {
			events.publishEvent(new MessagesDue(plan.bookingId(), due, plan.revision()));
		}
	}

}
