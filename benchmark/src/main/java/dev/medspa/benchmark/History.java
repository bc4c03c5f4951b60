package dev.medspa.benchmark;

import java.time.Duration;

/**
 * The stored history: bookings on days of their own, past the days the run measures on,
 * made through booking-service's public API by many clients at once, because only the
 * number stored matters here, not how they arrived.
 */
final class History {

	private static final int LOADERS = 16;

	/** Progress is told after every this many. */
	private static final long CHUNK = 5000;

	private final Http http;

	private final String bookingService;

	private final SlotPlan slots;

	private final Clients clients;

	private long stored;

	History(Http http, String bookingService, SlotPlan slots, Clients clients) {
		this.http = http;
		this.bookingService = bookingService;
		this.slots = slots;
		this.clients = clients;
	}

	long stored() {
		return this.stored;
	}

	/** Books until the given number is stored. */
	void growTo(long target) {
		while (this.stored < target) {
			long chunk = Math.min(target - this.stored, CHUNK);
			ClosedLoop.Result result = ClosedLoop.run(LOADERS, Duration.ofDays(1), chunk, () -> {
				Http.Answer answer = this.http.post(this.bookingService + "/api/bookings",
						this.slots.next().bookingJson(this.clients.nextEmail()));
				if (answer.status() != 201) {
					return -1;
				}
				this.clients.expectMail();
				return answer.nanos();
			});
			if (result.latencies().count() == 0) {
				throw new IllegalStateException("No history booking was accepted; see the booking-service log");
			}
			this.stored += result.latencies().count();
			Progress.say("History: %,d bookings stored (%.0f/s, %d refused)", this.stored, result.perSecond(),
					result.failures());
		}
	}

}
