package dev.medspa.notification.plan;

import java.time.Instant;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A plan was written with a message due now, such as a confirmation.
 *
 * @param plan the plan as written
 */
public record MessagesDue(Plan plan) {

	public String bookingId() {
		return this.plan.bookingId();
	}

	/** The plan's next due time as written. */
	public Instant at() {
		return Objects.requireNonNull(this.plan.nextDueAt());
	}

	public static void ifAnyFor(Plan plan, Instant now, ApplicationEventPublisher events) {
		Instant due = plan.nextDueAt();
		if (due != null && !due.isAfter(now)) {
			events.publishEvent(new MessagesDue(plan));
		}
	}

}
