package dev.medspa.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.medspa.infrastructure.MailServer;

/**
 * When the SMTP server accepted the first message for each address, by
 * {@link System#nanoTime()}, and how many it accepted in all; for addresses watched,
 * every message, so a second one (a reminder after the confirmation) or a third (a
 * duplicate) can be timed and counted. The messages themselves are thrown away every few
 * seconds, so a long run does not keep them all.
 */
final class MailReceipts implements AutoCloseable {

	private final Map<String, Long> firstReceipt = new ConcurrentHashMap<>();

	private final AtomicLong received = new AtomicLong();

	private final Map<String, List<Long>> watched = new ConcurrentHashMap<>();

	private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "mail-purge");
		thread.setDaemon(true);
		return thread;
	});

	MailReceipts(MailServer mail) {
		mail.timeDeliveries(this::received);
		this.purger.scheduleWithFixedDelay(mail::purge, 5, 5, TimeUnit.SECONDS);
	}

	private void received(String address) {
		long now = System.nanoTime();
		this.received.incrementAndGet();
		String key = address.toLowerCase(Locale.ROOT);
		this.firstReceipt.putIfAbsent(key, now);
		List<Long> times = this.watched.get(key);
		if (times != null) {
			synchronized (times) {
				times.add(now);
			}
		}
	}

	/** From now on, keeps the time of every message to these addresses. */
	void watch(Collection<String> addresses) {
		addresses.forEach(address -> this.watched.putIfAbsent(address.toLowerCase(Locale.ROOT), new ArrayList<>()));
	}

	/**
	 * When each message to a watched address was accepted, in order; empty for an address
	 * not watched.
	 */
	long[] everyReceipt(String address) {
		List<Long> times = this.watched.get(address.toLowerCase(Locale.ROOT));
		if (times == null) {
			return new long[0];
		}
		synchronized (times) {
			return times.stream().mapToLong(Long::longValue).toArray();
		}
	}

	/** Messages accepted so far, to any address. */
	long count() {
		return this.received.get();
	}

	OptionalLong receivedAt(String address) {
		Long at = this.firstReceipt.get(address.toLowerCase(Locale.ROOT));
		return at == null ? OptionalLong.empty() : OptionalLong.of(at);
	}

	/** Forgets the addresses seen so far (the count stays). */
	void forgetAddresses() {
		this.firstReceipt.clear();
	}

	@Override
	public void close() {
		this.purger.shutdownNow();
	}

}
