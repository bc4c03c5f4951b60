package dev.medspa.benchmark;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out distinct bookable slots of a range of days, each once, to any number of
 * clients. Consecutive slots are at different locations, then with different
 * practitioners, so concurrent clients meet on a day sheet only as often as a busy chain
 * would.
 */
final class SlotPlan {

	private final List<Chain.Location> locations;

	private final List<LocalTime> starts;

	private final List<LocalDate> firstDays;

	private final int practitioners;

	private final long capacity;

	private final AtomicLong next = new AtomicLong();

	/**
	 * @param firstDay the first day, counted from today in each location's zone (1 is
	 * tomorrow, past the minimum notice)
	 * @param days how many days
	 */
	SlotPlan(Chain chain, int firstDay, int days) {
		this.locations = chain.locations();
		this.starts = chain.starts();
		this.practitioners = this.locations.get(0).practitioners().size();
		this.firstDays = this.locations.stream().map(l -> LocalDate.now(l.zone()).plusDays(firstDay)).toList();
		this.capacity = (long) chain.bookingsPerDay() * days;
	}

	/** How many days hold the given number of bookings. */
	static int daysFor(Chain chain, long bookings) {
		return (int) ((bookings + chain.bookingsPerDay() - 1) / chain.bookingsPerDay());
	}

	/** The days that slots were handed out on so far. */
	int daysUsed() {
		long perDay = (long) this.locations.size() * this.practitioners * this.starts.size();
		return (int) ((Math.min(this.next.get(), this.capacity) + perDay - 1) / perDay);
	}

	Slot next() {
		long index = this.next.getAndIncrement();
		if (index >= this.capacity) {
			throw new IllegalStateException("All " + this.capacity + " slots of the plan are taken");
		}
		int location = (int) (index % this.locations.size());
		long rest = index / this.locations.size();
		int practitioner = (int) (rest % this.practitioners);
		rest /= this.practitioners;
		int start = (int) (rest % this.starts.size());
		long day = rest / this.starts.size();
		Chain.Location where = this.locations.get(location);
		OffsetDateTime at = this.firstDays.get(location)
			.plusDays(day)
			.atTime(this.starts.get(start))
			.atZone(where.zone())
			.toOffsetDateTime();
		return new Slot(where.id(), where.practitioners().get(practitioner), at);
	}

	record Slot(String locationId, String practitionerId, OffsetDateTime start) {

		/** The public booking request for this slot, by a client with this address. */
		String bookingJson(String email) {
			return """
					{"treatmentId": "%s", "locationId": "%s", "practitionerId": "%s", "start": "%s",
					 "client": {"name": "Benchmark Client", "email": "%s", "phone": "+1 555 555 0199"}}"""
				.formatted(Chain.TREATMENT, this.locationId, this.practitionerId, this.start, email);
		}

	}

}
