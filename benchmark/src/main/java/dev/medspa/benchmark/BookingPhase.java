package dev.medspa.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P1: clients book distinct slots through the gateway, one after another, at 1, 8 and 16
 * at once, while the confirmations flow; next to each, the raw conditional writes of the
 * store at the same concurrency.
 */
final class BookingPhase {

	static final List<Integer> CONCURRENCY = List.of(1, 8, 16);

	private final Http http;

	private final String site;

	private final RawWrites raw;

	private final Clients clients;

	BookingPhase(Http http, String site, RawWrites raw, Clients clients) {
		this.http = http;
		this.site = site;
		this.raw = raw;
		this.clients = clients;
	}

	/** Books for a few seconds without measuring, so the JIT has seen the path. */
	void warmUp(SlotPlan slots, Duration duration) {
		ClosedLoop.run(8, duration, Long.MAX_VALUE, () -> book(slots));
	}

	Step measure(long history, SlotPlan slots, Duration duration, long maxBookings) {
		Map<Integer, ClosedLoop.Result> platform = new LinkedHashMap<>();
		Map<Integer, ClosedLoop.Result> floor = new LinkedHashMap<>();
		for (int clients : CONCURRENCY) {
			platform.put(clients, ClosedLoop.run(clients, duration, maxBookings, () -> book(slots)));
			floor.put(clients, this.raw.measure(clients, duration));
			Progress.say("P1 at %,d stored, %d at once: %.0f bookings/s (raw writes %.0f/s)", history, clients,
					platform.get(clients).perSecond(), floor.get(clients).perSecond());
		}
		return new Step(history, platform, floor);
	}

	private long book(SlotPlan slots) {
		Http.Answer answer = this.http.post(this.site + "/api/bookings",
				slots.next().bookingJson(this.clients.nextEmail()));
		if (answer.status() != 201) {
			return -1;
		}
		this.clients.expectMail();
		return answer.nanos();
	}

	/** The figures of one step, and of the growth from the first step to the last. */
	static List<Figure> figures(List<Step> steps) {
		List<Figure> figures = new ArrayList<>();
		for (Step step : steps) {
			String at = " (%,d stored)".formatted(step.history());
			for (int clients : CONCURRENCY) {
				ClosedLoop.Result platform = step.platform().get(clients);
				ClosedLoop.Result floor = step.floor().get(clients);
				String who = clients + (clients == 1 ? " client" : " clients") + at;
				String name = "P1 bookings/s, " + who;
				double rate = platform.perSecond();
				double ratio = rate / floor.perSecond();
				if (clients == 8) {
					figures.add(Figure.targeted(name, rate, "/s", floor.perSecond(), "raw conditional writes",
							">= 290/s and >= 50% of raw", rate >= 290 && ratio >= 0.5));
					figures.add(Figure.targeted("P1 p99 ms, " + who, platform.latencies().p99(), "ms",
							floor.latencies().p99(), "raw write p99", "<= 50 ms", platform.latencies().p99() <= 50));
				}
				else {
					figures.add(Figure.reported(name, rate, "/s", floor.perSecond(), "raw conditional writes"));
					figures.add(Figure.reported("P1 p99 ms, " + who, platform.latencies().p99(), "ms",
							floor.latencies().p99(), "raw write p99"));
				}
				figures.add(Figure.reported("P1 p50 ms, " + who, platform.latencies().p50(), "ms",
						floor.latencies().p50(), "raw write p50"));
				if (platform.failures() > 0) {
					figures.add(Figure.reported("P1 failed bookings, " + who, platform.failures(), "", Double.NaN, ""));
				}
			}
		}
		if (steps.size() > 1) {
			Step first = steps.get(0);
			Step last = steps.get(steps.size() - 1);
			// each step over its own floor, so that a machine busier during one step than
			// the other does not pass for growth
			String growth = " at %,d vs %,d stored (each over its floor)".formatted(last.history(), first.history());
			double costLast = last.floor().get(8).perSecond() / last.platform().get(8).perSecond();
			double costFirst = first.floor().get(8).perSecond() / first.platform().get(8).perSecond();
			figures.add(Figure.targeted("P1 growth: time per booking, 8 clients" + growth, costLast, "x", costFirst,
					"the same at the smaller history", "ratio <= 1.25", costLast / costFirst <= 1.25));
			double p99Last = last.platform().get(8).latencies().p99() / last.floor().get(8).latencies().p99();
			double p99First = first.platform().get(8).latencies().p99() / first.floor().get(8).latencies().p99();
			figures.add(Figure.targeted("P1 growth: p99, 8 clients" + growth, p99Last, "x", p99First,
					"the same at the smaller history", "ratio <= 1.25", p99Last / p99First <= 1.25));
		}
		return figures;
	}

	/**
	 * @param history bookings stored when the step ran
	 * @param platform by concurrency
	 * @param floor by concurrency
	 */
	record Step(long history, Map<Integer, ClosedLoop.Result> platform, Map<Integer, ClosedLoop.Result> floor) {
	}

}
