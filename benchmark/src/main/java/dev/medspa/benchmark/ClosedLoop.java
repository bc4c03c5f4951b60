package dev.medspa.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that each send their next request as soon as the last is answered, for a time
 * or until a number of requests has been sent, whichever comes first.
 */
final class ClosedLoop {

	private ClosedLoop() {
	}

	/**
	 * @param operation one request; answers its time in nanoseconds, or a negative number
	 * when it failed
	 */
	static Result run(int clients, Duration duration, long requests, Operation operation) {
		AtomicLong budget = new AtomicLong(requests);
		AtomicLong failures = new AtomicLong();
		List<long[]> perClient = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		CountDownLatch go = new CountDownLatch(1);
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		for (int c = 0; c < clients; c++) {
			LongList times = new LongList();
			Thread thread = new Thread(() -> {
				await(go);
				while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
					long nanos;
					try {
						nanos = operation.perform();
					}
					catch (RuntimeException ex) {
						nanos = -1;
					}
					if (nanos < 0) {
						failures.incrementAndGet();
					}
					else {
						times.add(nanos);
					}
				}
				synchronized (perClient) {
					perClient.add(times.toArray());
				}
			}, "client-" + c);
			threads.add(thread);
			thread.start();
		}
		go.countDown();
		threads.forEach(ClosedLoop::join);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		long[] all = perClient.stream().flatMapToLong(Arrays::stream).toArray();
		return new Result(new Latencies(all), failures.get(), elapsed);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
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

	@FunctionalInterface
	interface Operation {

		long perform();

	}

	/**
	 * @param latencies of the requests that succeeded
	 */
	record Result(Latencies latencies, long failures, Duration elapsed) {

		double perSecond() {
			return this.latencies.count() / (this.elapsed.toNanos() / 1e9);
		}

	}

	/** A growable array of longs, for one client thread. */
	static final class LongList {

		private long[] values = new long[1024];

		private int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		long[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
