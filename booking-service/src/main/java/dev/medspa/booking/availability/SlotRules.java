package dev.medspa.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.claim.DaySheet;
import dev.medspa.booking.claim.PractitionerDay.Engagement;
import dev.medspa.booking.schedule.Schedule;
import org.jspecify.annotations.Nullable;

/**
 * Whether a treatment can start at a given instant at one location on one day: the start
 * is on the grid, past the minimum notice and within the horizon; the location is open
 * for the whole interval (preparation and clean-up included); a qualified practitioner
 * works there for all of it and is not engaged anywhere else too close to it; a room of
 * the needed type and a device of each needed type are free for it.
 *
 * @param practitioners the active practitioners at the location qualified for the
 * treatment, with their local working ranges that day
 * @param engagements what a practitioner is engaged for around that day, at every
 * location; asked only for the practitioners a question needs, so an answer that needs
 * one free practitioner reads no more than it must
 * @param rooms the active rooms of the needed type
 * @param devices for each device type the treatment needs, the location's active devices
 * of that type
 * @param travelBuffer the least gap between a practitioner's engagements at two locations
 */
public record SlotRules(CatalogTreatment treatment, CatalogLocation location,
		Map<CatalogPractitioner, List<Schedule.Range>> practitioners, Function<String, List<Engagement>> engagements,
		List<String> rooms, Map<String, List<String>> devices, DaySheet sheet, BookingPolicy policy,
		Duration travelBuffer, Instant now) {

	/**
	 * What can be done at a start: who is free, which rooms, and the devices it would
	 * take (null when a device it needs is taken).
	 */
	public record Slot(Instant start, Instant end, List<CatalogPractitioner> practitioners, List<String> rooms,
			@Nullable List<String> devices) {

		public boolean bookable() {
			return !this.practitioners.isEmpty() && !this.rooms.isEmpty() && this.devices != null;
		}

	}

	/** Why a start is not offered, when it is not. */
	public enum Verdict {

		FREE, OUTSIDE_BOOKING_WINDOW, OFF_GRID, CLOSED, NOT_WORKING, TAKEN

	}

	/** Everything free at a start: every practitioner, every room. */
	public Slot at(Instant start) {
		return at(start, Long.MAX_VALUE);
	}

	/**
	 * What a booking at a start would take: the first free practitioner (in the catalog's
	 * order), rooms and devices; the practitioners after the first are not looked at.
	 */
	public Slot first(Instant start) {
		return at(start, 1);
	}

	private Slot at(Instant start, long practitionersWanted) {
		Instant end = end(start);
		List<CatalogPractitioner> free = this.practitioners.entrySet()
			.stream()
			.filter(entry -> within(entry.getValue(), start, end))
			.map(Map.Entry::getKey)
			.filter(p -> this.sheet.practitionerFree(p.id(), start, end, this.now))
			.filter(p -> this.engagements.apply(p.id())
				.stream()
				.noneMatch(e -> e.isLive(this.now) && e.blocks(this.location.id(), start, end, this.travelBuffer)))
			.limit(practitionersWanted)
			.toList();
		List<String> rooms = this.rooms.stream()
			.filter(room -> this.sheet.roomFree(room, start, end, this.now))
			.toList();
		List<String> devices = new ArrayList<>();
		for (List<String> ofType : this.devices.values()) {
			ofType.stream()
				.filter(device -> this.sheet.deviceFree(device, start, end, this.now))
				.findFirst()
				.ifPresent(devices::add);
		}
		return new Slot(start, end, free, rooms, devices.size() == this.devices.size() ? devices : null);
	}

	public Verdict verdict(Instant start) {
		if (start.isBefore(this.now.plus(this.policy.minimumNotice()))
				|| start.isAfter(this.now.plus(this.policy.horizon()))) {
			return Verdict.OUTSIDE_BOOKING_WINDOW;
		}
		if (!onGrid(start)) {
			return Verdict.OFF_GRID;
		}
		Instant end = end(start);
		List<CatalogLocation.OpeningHours> open = this.location.openOn(this.sheet.date());
		if (open != null
				&& !within(open.stream().map(h -> new Schedule.Range(h.opens(), h.closes())).toList(), start, end)) {
			return Verdict.CLOSED;
		}
		if (this.rooms.isEmpty() || this.devices.values().stream().anyMatch(List::isEmpty)
				|| this.practitioners.values().stream().noneMatch(r -> within(r, start, end))) {
			return Verdict.NOT_WORKING;
		}
		return first(start).bookable() ? Verdict.FREE : Verdict.TAKEN;
	}

	/** Whether the day has a bookable start at all: stops at the first. */
	public boolean anyOffered() {
		for (Instant start = dayStart(); start.isBefore(dayEnd()); start = start.plus(this.policy.slotStep())) {
			if (verdict(start) == Verdict.FREE) {
				return true;
			}
		}
		return false;
	}

	/** The bookable starts on the grid of the sheet's day, in order. */
	public List<Slot> offered() {
		List<Slot> slots = new ArrayList<>();
		for (Instant start = dayStart(); start.isBefore(dayEnd()); start = start.plus(this.policy.slotStep())) {
			if (verdict(start) == Verdict.FREE) {
				slots.add(at(start));
			}
		}
		return slots;
	}

	/**
	 * Up to {@code count} bookable starts of the day nearest to a wanted one, in order:
	 * what to offer instead of a start that cannot be had.
	 */
	public List<Instant> nearest(Instant wanted, int count) {
		return offered().stream()
			.map(Slot::start)
			.sorted(Comparator.comparing((Instant start) -> Duration.between(start, wanted).abs()))
			.limit(count)
			.sorted()
			.toList();
	}

	private Instant end(Instant start) {
		return start.plus(this.treatment.appointmentLength()).plus(this.treatment.cleanup());
	}

	private Instant dayStart() {
		return this.sheet.date().atStartOfDay(this.location.zone()).toInstant();
	}

	private Instant dayEnd() {
		return this.sheet.date().plusDays(1).atStartOfDay(this.location.zone()).toInstant();
	}

	/** Whether a start is one of the grid's, counted from the local midnight. */
	private boolean onGrid(Instant start) {
		long step = this.policy.slotStep().toMillis();
		return !start.isBefore(dayStart()) && Duration.between(dayStart(), start).toMillis() % step == 0;
	}

	/** Whether local ranges of the sheet's day hold [start, end). */
	private boolean within(List<Schedule.Range> ranges, Instant start, Instant end) {
		return start.atZone(this.location.zone()).toLocalDate().equals(this.sheet.date())
				&& Schedule.Range.cover(ranges, this.location.zone(), start, end);
	}

}
