package dev.medspa.booking.availability;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.claim.DaySheet;
import dev.medspa.booking.schedule.Schedule;

/**
 * Whether a treatment can start at a given instant at one location on one day: the start
 * is past the minimum notice and within the horizon; a qualified practitioner works there
 * for the whole interval (preparation and clean-up included); a room of the needed type
 * is free for it; neither is claimed for any part of it.
 *
 * @param practitioners the active practitioners at the location qualified for the
 * treatment, with their local working ranges that day
 * @param rooms the active rooms of the needed type
 */
public record SlotRules(CatalogTreatment treatment, CatalogLocation location,
		Map<CatalogPractitioner, List<Schedule.Range>> practitioners, List<String> rooms, DaySheet sheet,
		BookingPolicy policy, Instant now) {

	/**
	 * What can be done at a start: who is free and which rooms. Both empty means nothing.
	 */
	public record Slot(Instant start, Instant end, List<CatalogPractitioner> practitioners, List<String> rooms) {

		public boolean bookable() {
			return !this.practitioners.isEmpty() && !this.rooms.isEmpty();
		}

	}

	/** Why a start is not offered, when it is not. */
	public enum Verdict {

		FREE, OUTSIDE_BOOKING_WINDOW, NOT_WORKING, TAKEN

	}

	public Slot at(Instant start) {
		Instant end = start.plus(this.treatment.appointmentLength()).plus(this.treatment.cleanup());
		List<CatalogPractitioner> free = this.practitioners.entrySet()
			.stream()
			.filter(entry -> works(entry.getValue(), start, end))
			.map(Map.Entry::getKey)
			.filter(p -> this.sheet.practitionerFree(p.id(), start, end, this.now))
			.toList();
		List<String> rooms = this.rooms.stream()
			.filter(room -> this.sheet.roomFree(room, start, end, this.now))
			.toList();
		return new Slot(start, end, free, rooms);
	}

	public Verdict verdict(Instant start) {
		if (start.isBefore(this.now.plus(this.policy.minimumNotice()))
				|| start.isAfter(this.now.plus(this.policy.horizon()))) {
			return Verdict.OUTSIDE_BOOKING_WINDOW;
		}
		Instant end = start.plus(this.treatment.appointmentLength()).plus(this.treatment.cleanup());
		if (this.rooms.isEmpty() || this.practitioners.values().stream().noneMatch(r -> works(r, start, end))) {
			return Verdict.NOT_WORKING;
		}
		return at(start).bookable() ? Verdict.FREE : Verdict.TAKEN;
	}

	/** The bookable starts on the grid of the sheet's day, in order. */
	public List<Slot> offered() {
		ZoneId zone = this.location.zone();
		Instant dayStart = this.sheet.date().atStartOfDay(zone).toInstant();
		Instant dayEnd = this.sheet.date().plusDays(1).atStartOfDay(zone).toInstant();
		List<Slot> slots = new java.util.ArrayList<>();
		for (Instant start = dayStart; start.isBefore(dayEnd); start = start.plus(this.policy.slotStep())) {
			if (verdict(start) == Verdict.FREE) {
				slots.add(at(start));
			}
		}
		return slots;
	}

	/**
	 * Whether local working ranges cover [start, end); every instant of a day is visited
	 * once, DST or not.
	 */
	private boolean works(List<Schedule.Range> ranges, Instant start, Instant end) {
		ZonedDateTime localStart = start.atZone(this.location.zone());
		ZonedDateTime localEnd = end.atZone(this.location.zone());
		if (!localStart.toLocalDate().equals(this.sheet.date()) || !localEnd.toLocalDate().equals(this.sheet.date())) {
			return false;
		}
		LocalTime from = localStart.toLocalTime();
		LocalTime to = localEnd.toLocalTime();
		return ranges.stream().anyMatch(range -> !from.isBefore(range.start()) && !to.isAfter(range.end()));
	}

}
