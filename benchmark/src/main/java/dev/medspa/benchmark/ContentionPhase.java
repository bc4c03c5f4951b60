package dev.medspa.benchmark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P2: many clients ask for the same slot, with the same practitioner, at the same moment,
 * each on a connection of its own through the gateway. Exactly one may win; every other
 * must hear a clear conflict, quickly, and no connection may be refused or reset.
 */
final class ContentionPhase {

	private final String site;

	private final Clients clients;

	ContentionPhase(String site, Clients clients) {
		this.site = site;
		this.clients = clients;
	}

	Outcome run(SlotPlan.Slot slot, int contenders) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(30))
			.build();
		Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
		AtomicLong slowest = new AtomicLong();
		CountDownLatch ready = new CountDownLatch(contenders);
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < contenders; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.site + "/api/bookings"))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(slot.bookingJson(this.clients.nextEmail())))
				.build();
			Thread thread = new Thread(() -> {
				ready.countDown();
				awaitQuietly(go);
				long sent = System.nanoTime();
				String answer = send(client, request);
				slowest.accumulateAndGet(System.nanoTime() - sent, Math::max);
				answers.computeIfAbsent(answer, key -> new AtomicLong()).incrementAndGet();
			}, "contender-" + i);
			threads.add(thread);
			thread.start();
		}
		awaitQuietly(ready);
		go.countDown();
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Map<String, Long> counted = new TreeMap<>();
		answers.forEach((answer, count) -> counted.put(answer, count.get()));
		if (counted.getOrDefault("201", 0L) > 0) {
			this.clients.expectMail();
		}
		Outcome outcome = new Outcome(contenders, counted, slowest.get() / 1e6);
		Progress.say("P2: %d requests for one slot answered %s, the slowest in %.0f ms", contenders, counted,
				outcome.slowestMillis());
		return outcome;
	}

	/** The status code, or what went wrong with the connection. */
	private static String send(HttpClient client, HttpRequest request) {
		try {
			return String.valueOf(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		catch (ConnectException ex) {
			return "refused";
		}
		catch (IOException ex) {
			String message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
			return message.contains("reset") || message.contains("closed") ? "reset" : "failed";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "failed";
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @param answers how many requests got each status code, or "refused", "reset",
	 * "failed"
	 */
	record Outcome(int contenders, Map<String, Long> answers, double slowestMillis) {

		long count(String answer) {
			return this.answers.getOrDefault(answer, 0L);
		}

		/**
		 * @param single the answer time of one booking with nobody else asking
		 */
		List<Figure> figures(double single) {
			long winners = count("201");
			long conflicts = count("409");
			long broken = count("refused") + count("reset") + count("failed");
			return List.of(
					Figure.targeted("P2 winners (201) of " + this.contenders + " for one slot", winners, "", Double.NaN,
							"", "exactly 1", winners == 1),
					Figure.targeted("P2 clear conflicts (409); all answers " + this.answers, conflicts, "", Double.NaN,
							"", "all the others (" + (this.contenders - 1) + ")", conflicts == this.contenders - 1),
					Figure.targeted("P2 slowest answer ms", this.slowestMillis, "ms", single,
							"one uncontended booking (p50)", "<= 1000 ms", this.slowestMillis <= 1000),
					Figure.targeted("P2 connections refused, reset or failed", broken, "", Double.NaN, "", "0",
							broken == 0));
		}

	}

}
