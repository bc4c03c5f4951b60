package dev.medspa.booking.schedule.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedule;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.support.Refusal;
import dev.medspa.support.security.StaffClaims;
import dev.medspa.support.security.StaffRole;

import org.springframework.security.core.Authentication;

/**
 * Owners keep every schedule. A manager keeps the schedules of practitioners who work at
 * one of their locations, and only the hours at their locations: hours at another
 * location must come back as they were. Time off without a location applies everywhere
 * and is theirs to give.
 */
final class ScheduleScope {

	private ScheduleScope() {
	}

	static void require(Authentication caller, String practitionerId, Schedules schedules, CatalogReadModel catalog,
			List<Schedule.WeeklyHours> weekly, List<Schedule.Exception> exceptions) {
		if (StaffClaims.hasRole(caller, StaffRole.OWNER)) {
			return;
		}
		Set<String> mine = StaffClaims.locations(caller);
		CatalogPractitioner practitioner = catalog.practitioner(practitionerId).orElse(null);
		if (practitioner == null) {
			return; // refused as unknown by the change itself
		}
		if (practitioner.locations().stream().noneMatch(mine::contains)) {
			throw Refusal.forbidden(practitioner.displayName() + " does not work at a location you manage");
		}
		Schedule current = schedules.find(practitionerId)
			.orElseGet(() -> new Schedule(practitionerId, List.of(), List.of(), 0));
		if (!elsewhere(current.weekly(), current.exceptions(), mine).equals(elsewhere(weekly, exceptions, mine))) {
			throw Refusal.forbidden("Hours at locations you do not manage must stay as they are");
		}
	}

	/** The rows at locations other than the caller's, in a stable order. */
	private static List<String> elsewhere(List<Schedule.WeeklyHours> weekly, List<Schedule.Exception> exceptions,
			Set<String> mine) {
		List<String> rows = new java.util.ArrayList<>();
		weekly.stream().filter(hours -> !mine.contains(hours.locationId())).map(Object::toString).forEach(rows::add);
		exceptions.stream()
			.filter(exception -> exception.locationId() != null && !mine.contains(exception.locationId()))
			.map(Object::toString)
			.forEach(rows::add);
		rows.sort(Comparator.naturalOrder());
		return rows;
	}

}
