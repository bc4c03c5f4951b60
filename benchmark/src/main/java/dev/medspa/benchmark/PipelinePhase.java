package dev.medspa.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P3: bookings arrive through the gateway at a steady rate, whether or not the last ones
 * are answered yet, and each client's confirmation is timed from the booking's 201 to the
 * moment the SMTP server accepts it. The floor is sampled alongside.
 */
final class PipelinePhase {

	private final Http http;

	private final String site;

	private final Clients clients;

	private final MailReceipts receipts;

	private final PipelineFloor floor;

	PipelinePhase(Http http, String site, Clients clients, MailReceipts receipts, PipelineFloor floor) {
		this.http = http;
		this.site = site;
		this.clients = clients;
		this.receipts = receipts;
		this.floor = floor;
	}

	Outcome run(SlotPlan slots, int perSecond, Duration duration, Duration drainWithin) {
		Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
		AtomicLong refused = new AtomicLong();
		ExecutorService senders = Executors.newFixedThreadPool(Math.max(16, perSecond / 2));
		Thread floorSampler = new Thread(this::sampleFloor, "pipeline-floor");
		floorSampler.start();
		long interval = 1_000_000_000L / perSecond;
		long started = System.nanoTime();
		long total = perSecond * duration.toSeconds();
		for (long i = 0; i < total; i++) {
			long due = started + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Waiting.pause(Duration.ofNanos(wait));
			}
			senders.execute(() -> {
				String email = this.clients.nextEmail();
				Http.Answer answer = this.http.post(this.site + "/api/bookings", slots.next().bookingJson(email));
				if (answer.status() == 201) {
					this.clients.expectMail();
					acceptedAt.put(email, answer.answeredAt());
				}
				else {
					refused.incrementAndGet();
				}
			});
		}
		senders.shutdown();
		awaitTermination(senders);
		long lastAccepted = System.nanoTime();
		boolean drained = awaitConfirmations(acceptedAt.keySet(), drainWithin);
		long drainedAt = System.nanoTime();
		floorSampler.interrupt();
		join(floorSampler);
		List<Long> delays = new ArrayList<>();
		long missing = 0;
		for (Map.Entry<String, Long> booking : acceptedAt.entrySet()) {
			OptionalLong received = this.receipts.receivedAt(booking.getKey());
			if (received.isEmpty()) {
				missing++;
			}
			// a confirmation that never came counts as having taken at least the whole
			// wait
			delays.add(Math.max(0, received.orElse(drainedAt) - booking.getValue()));
		}
		double achieved = acceptedAt.size() / ((lastAccepted - started) / 1e9);
		Outcome outcome = new Outcome(perSecond, achieved, duration, acceptedAt.size(), refused.get(), missing,
				new Latencies(delays.stream().mapToLong(Long::longValue).toArray()), drained,
				Duration.ofNanos(drainedAt - lastAccepted), this.floor.kafka(), this.floor.mail());
		Progress.say("P3: %,d bookings at %d/s, confirmation p50 %.0f ms p99 %.0f ms (floor %.0f ms), drained: %s",
				outcome.accepted(), perSecond, outcome.delays().p50(), outcome.delays().p99(), outcome.floorP50(),
				drained);
		return outcome;
	}

	/** Ten samples a second, until interrupted. */
	private void sampleFloor() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				this.floor.sample();
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				Progress.say("A floor sample failed: %s", ex.getMessage());
			}
		}
	}

	private boolean awaitConfirmations(Set<String> emails, Duration within) {
		try {
			Waiting.until("the confirmations", within,
					() -> emails.stream().allMatch(email -> this.receipts.receivedAt(email).isPresent()));
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static void awaitTermination(ExecutorService executor) {
		try {
			executor.awaitTermination(10, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @param achievedPerSecond bookings answered 201 per second, from the first request
	 * sent to the last answer (below the rate asked for when the platform falls behind)
	 * @param missing confirmations that had not arrived when the wait ended
	 * @param delays from each booking's 201 to its confirmation's acceptance by SMTP; for
	 * a missing one, to the end of the wait
	 * @param drained whether every confirmation arrived
	 * @param drainTime from the last booking answered to the last confirmation (or to
	 * giving up)
	 */
	record Outcome(int perSecond, double achievedPerSecond, Duration duration, long accepted, long refused,
			long missing, Latencies delays, boolean drained, Duration drainTime, Latencies kafkaFloor,
			Latencies mailFloor) {

		double floorP50() {
			return this.kafkaFloor.p50() + this.mailFloor.p50();
		}

		List<Figure> figures() {
			String load = " (%d bookings/s for %d s%s)".formatted(this.perSecond, this.duration.toSeconds(),
					this.missing == 0 ? ""
							: "; %,d of %,d never came, so at least".formatted(this.missing, this.accepted));
			double floorP99 = this.kafkaFloor.p99() + this.mailFloor.p99();
			String floorName = "Kafka round trip + SMTP send";
			return List.of(
					Figure.targeted("P3 confirmation p50 ms" + load, this.delays.p50(), "ms", floorP50(),
							floorName + " (p50)", "<= 2x floor", this.delays.p50() <= 2 * floorP50()),
					Figure.targeted("P3 confirmation p99 ms" + load, this.delays.p99(), "ms", floorP99,
							floorName + " (p99)", "<= 1000 ms", this.delays.p99() <= 1000),
					Figure.targeted(
							"P3 backlog: s from the last booking to the last confirmation (or the end of the wait)",
							this.drainTime.toMillis() / 1000.0, "s", Double.NaN, "", "drains",
							this.drained && this.refused == 0),
					Figure.reported("P3 bookings/s achieved (asked for " + this.perSecond + "/s)",
							this.achievedPerSecond, "/s", Double.NaN, ""),
					Figure.reported("P3 bookings refused during the pipeline run", this.refused, "", Double.NaN, ""));
		}

	}

}
