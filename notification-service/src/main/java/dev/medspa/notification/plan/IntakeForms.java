package dev.medspa.notification.plan;

import dev.medspa.events.intake.IntakeStatusChanged;

/**
 * Where a booking's intake and consent forms stand, as intake-service last said: a status
 * and a count, never an answer.
 *
 * @param version the intake version of the last event applied; an event at or below it
 * was seen already and changes nothing
 * @param status {@code DUE}, {@code COMPLETE}, {@code NEEDS_REVIEW}, {@code CLEARED} or
 * {@code DECLINED}
 * @param formsDue how many forms are still to be filled in; 0 unless {@code DUE}
 */
public record IntakeForms(long version, String status, int formsDue) {

	static IntakeForms of(IntakeStatusChanged event) {
		return new IntakeForms(event.intakeVersion(), event.status(),
				IntakeStatusChanged.DUE.equals(event.status()) ? Math.max(1, event.formsDue()) : 0);
	}

	/** Whether the client still has forms to fill in before the visit. */
	public boolean due() {
		return IntakeStatusChanged.DUE.equals(this.status);
	}

}
