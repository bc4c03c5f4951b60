package dev.medspa.benchmark;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients' e-mail addresses, each used once in a run, so each confirmation can be told
 * apart at the SMTP server.
 */
final class Clients {

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private final AtomicLong next = new AtomicLong();

	private final AtomicLong expectedMail = new AtomicLong();

	String nextEmail() {
		return "client-" + this.run + "-" + this.next.incrementAndGet() + "@benchmark.example";
	}

	/**
	 * Counts one more message the SMTP server will receive: a booking's confirmation, or
	 * a floor mail.
	 */
	void expectMail() {
		this.expectedMail.incrementAndGet();
	}

	/**
	 * Waits until the SMTP server has accepted at least one message per booking made, so
	 * the next phase does not measure the confirmations of the last one; but no longer
	 * than given, because a slow pipeline must not stop the run.
	 * @return how many messages are still missing
	 */
	long awaitConfirmations(MailReceipts mail, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (mail.count() < this.expectedMail.get() && System.nanoTime() < deadline) {
			Waiting.pause(Duration.ofMillis(100));
		}
		return Math.max(0, this.expectedMail.get() - mail.count());
	}

}
