package dev.medspa.benchmark;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition of the platform that becomes true on its own. */
final class Waiting {

	private Waiting() {
	}

	/** Waits until the condition holds; an exception while polling counts as not yet. */
	static void until(String what, Duration atMost, BooleanSupplier condition) {
		long deadline = System.nanoTime() + atMost.toNanos();
		RuntimeException last = null;
		while (System.nanoTime() < deadline) {
			try {
				if (condition.getAsBoolean()) {
					return;
				}
			}
			catch (RuntimeException ex) {
				last = ex;
			}
			pause(Duration.ofMillis(250));
		}
		throw new IllegalStateException("Waited " + atMost + " for " + what, last);
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
