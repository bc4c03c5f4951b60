package dev.medspa.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.medspa.events.BookingId;
import dev.medspa.events.EventContract;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed;
import jakarta.mail.Session;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * P3 burst: many reminders due at the same moment. Booking thousands of slots through the
 * gateway would take longer than the rest of the run, and their reminders would fall due
 * a day before starts spread over many days; so the benchmark plays booking-service
 * instead: it publishes the {@link BookingConfirmed} events itself, with the contract's
 * type, headers and JSON, on the booking topic notification-service consumes, each with
 * its own booking and client address and a start one reminder lead after the same due
 * moment. The location is made for the burst in a fixed-offset zone where that moment is
 * around noon, outside quiet hours.
 * <p>
 * Every client gets two messages: the confirmation at once, then the reminder; a third is
 * a duplicate. The confirmations get a head start (the lead) to be sent before the
 * reminders fall due; those still on their way then are reported.
 * <p>
 * The floor is the same burst without the platform: as many messages sent straight to the
 * same SMTP server by as many senders as notification-service sends with at once.
 */
final class BurstPhase {

	/**
	 * How many messages notification-service sends at once:
	 * {@code medspa.notification.dispatch.senders}, which the benchmark leaves at its
	 * default.
	 */
	static final int SENDERS = 8;

	/**
	 * The e-mail reminder's lead before the start:
	 * {@code medspa.notification.plan.reminder-before}, left at its default.
	 */
	static final Duration REMINDER_BEFORE = Duration.ofDays(1);

	/** What the issue asks: every reminder sent within a minute of its due time. */
	static final Duration TARGET = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LOCATION = "bench-burst";

	private final Http staff;

	private final String site;

	private final PlatformUnderTest platform;

	private final MailReceipts receipts;

	private final Clients clients;

	BurstPhase(Http staff, PlatformUnderTest platform, MailReceipts receipts, Clients clients) {
		this.staff = staff;
		this.site = platform.site();
		this.platform = platform;
		this.receipts = receipts;
		this.clients = clients;
	}

	/**
	 * @param size how many reminders fall due together
	 * @param lead from publishing the events to the due moment, for the confirmations
	 * @param wait how long after the due moment the reminders may take before the ones
	 * not there are counted missing
	 * @param settle how long to keep counting after the last reminder, for duplicates
	 */
	Outcome run(int size, Duration lead, Duration wait, Duration settle) {
		Floor floor = sendStraight(size);
		Progress.say("P3 burst floor: %,d mails straight to SMTP by %d senders in %.1f s", size, SENDERS,
				floor.allNanos() / 1e9);
		Instant around = Instant.now().plus(lead);
		ZoneId zone = noonAt(around);
		this.staff.post(this.site + "/api/staff/locations", Chain.locationJson(LOCATION, zone, 1))
			.expect(201, "Creating the burst location");
		try (KafkaProducer<String, String> producer = producer()) {
			awaitKnown(producer);
			List<String> emails = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				emails.add(this.clients.nextEmail());
			}
			this.receipts.watch(emails);
			Instant due = Instant.now().plus(lead).truncatedTo(ChronoUnit.SECONDS);
			long dueNanos = System.nanoTime() + Duration.between(Instant.now(), due).toNanos();
			String run = UUID.randomUUID().toString().substring(0, 8);
			List<Future<RecordMetadata>> sent = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				sent.add(producer.send(record(confirmed("burst-" + run + "-" + (i + 1), emails.get(i),
						due.plus(REMINDER_BEFORE), Instant.now()))));
				// its confirmation and its reminder
				this.clients.expectMail();
				this.clients.expectMail();
			}
			sent.forEach(BurstPhase::acknowledged);
			Progress.say("P3 burst: %,d bookings published, their reminders due at %s (%s there)", size, due,
					due.atZone(zone).toLocalTime());
			pauseUntil(dueNanos);
			long confirmationsLate = emails.stream()
				.filter(email -> this.receipts.everyReceipt(email).length == 0)
				.count();
			long deadline = dueNanos + wait.toNanos();
			while (System.nanoTime() < deadline
					&& !emails.stream().allMatch(email -> this.receipts.everyReceipt(email).length >= 2)) {
				Waiting.pause(Duration.ofMillis(100));
			}
			long waitedUntil = System.nanoTime();
			Waiting.pause(settle);
			return outcome(size, emails, dueNanos, waitedUntil, confirmationsLate, floor);
		}
	}

	private Outcome outcome(int size, List<String> emails, long dueNanos, long waitedUntil, long confirmationsLate,
			Floor floor) {
		long missing = 0;
		long duplicates = 0;
		long last = dueNanos;
		List<Long> delays = new ArrayList<>();
		for (String email : emails) {
			long[] times = this.receipts.everyReceipt(email);
			if (times.length > 2) {
				duplicates++;
			}
			if (times.length < 2) {
				missing++;
				delays.add(waitedUntil - dueNanos);
				last = Math.max(last, waitedUntil);
			}
			else {
				delays.add(Math.max(0, times[1] - dueNanos));
				last = Math.max(last, times[1]);
			}
		}
		Outcome outcome = new Outcome(size, Duration.ofNanos(last - dueNanos),
				new Latencies(delays.stream().mapToLong(Long::longValue).toArray()), missing, duplicates,
				confirmationsLate, floor);
		Progress.say(
				"P3 burst: %,d reminders, the last %.1f s after the due time, p50 %.0f ms p99 %.0f ms; "
						+ "%,d missing, %,d duplicated; %,d confirmations were late",
				size, outcome.all().toMillis() / 1000.0, outcome.delays().p50(), outcome.delays().p99(), missing,
				duplicates, confirmationsLate);
		return outcome;
	}

	/**
	 * A fixed-offset zone (catalog takes IANA names only, so {@code Etc/GMT-h}, which is
	 * UTC+h) where the given moment is within half an hour of noon.
	 */
	static ZoneId noonAt(Instant instant) {
		double hour = instant.atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 3600.0;
		int offset = (int) Math.max(-12, Math.min(14, Math.round(12 - hour)));
		return ZoneId.of(offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset);
	}

	/**
	 * Notification-service learns the new location from the catalog's topic: one booking
	 * there whose confirmation arrives shows it has, so no event of the burst waits for
	 * it. Its start is two hours away, too soon for a reminder.
	 */
	private void awaitKnown(KafkaProducer<String, String> producer) {
		String email = this.clients.nextEmail();
		this.clients.expectMail();
		acknowledged(producer.send(record(confirmed("burst-probe-" + UUID.randomUUID(), email,
				Instant.now().plus(Duration.ofHours(2)), Instant.now()))));
		Waiting.until("notification-service to know the burst location", Duration.ofSeconds(90),
				() -> this.receipts.receivedAt(email).isPresent());
	}

	private static BookingConfirmed confirmed(String bookingId, String email, Instant start, Instant now) {
		return new BookingConfirmed(new BookingId(bookingId), 1, new TreatmentId(Chain.TREATMENT),
				new LocationId(LOCATION), start, start.plus(Duration.ofMinutes(75)),
				new BookingConfirmed.ClientContact("Burst client", email, null, false), now, null, null);
	}

	/**
	 * The record as booking-service's outbox relay publishes it (CloudEvents, binary).
	 */
	private static ProducerRecord<String, String> record(BookingConfirmed event) {
		EventContract<BookingConfirmed> contract = EventContracts.BOOKING_CONFIRMED;
		String key = event.bookingId().value();
		ProducerRecord<String, String> record = new ProducerRecord<>(contract.topic(), key,
				JSON.writeValueAsString(event));
		header(record, EventHeaders.ID, UUID.randomUUID().toString());
		header(record, EventHeaders.TYPE, contract.type());
		header(record, EventHeaders.SOURCE, "benchmark");
		header(record, EventHeaders.TIME, event.confirmedAt().toString());
		header(record, EventHeaders.SPEC_VERSION, EventHeaders.CLOUDEVENTS_SPEC_VERSION);
		header(record, EventHeaders.SUBJECT, key);
		header(record, EventHeaders.SCHEMA_VERSION, String.valueOf(contract.schemaVersion()));
		header(record, EventHeaders.CONTENT_TYPE, EventHeaders.JSON);
		return record;
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	private KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.platform.kafka().bootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), new StringSerializer());
	}

	/**
	 * The floor: the same number of messages sent straight to the SMTP server by
	 * {@link #SENDERS} threads, each timed from the start to its acceptance.
	 */
	private Floor sendStraight(int size) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(this.platform.mail().smtpPort()));
		Session smtp = Session.getInstance(properties);
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			emails.add(this.clients.nextEmail());
			this.clients.expectMail();
		}
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		long started = System.nanoTime();
		try {
			List<Future<?>> sends = new ArrayList<>();
			for (String email : emails) {
				sends.add(senders.submit(() -> send(smtp, email)));
			}
			sends.forEach(BurstPhase::acknowledged);
		}
		finally {
			senders.shutdownNow();
		}
		long[] delays = emails.stream()
			.mapToLong(email -> this.receipts.receivedAt(email).orElseThrow() - started)
			.toArray();
		return new Floor(new Latencies(delays), System.nanoTime() - started);
	}

	private static void send(Session smtp, String address) {
		FloorMail.send(smtp, address, "Burst floor", "One of a burst sent straight to the SMTP server.");
	}

	private static void acknowledged(Future<?> result) {
		try {
			result.get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Not done within a minute", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void pauseUntil(long nanos) {
		long left = nanos - System.nanoTime();
		if (left > 0) {
			Waiting.pause(Duration.ofNanos(left));
		}
	}

	/**
	 * @param delays each reminder's acceptance after the due time
	 * @param allNanos from the first straight send to the last acceptance
	 */
	record Floor(Latencies delays, long allNanos) {
	}

	/**
	 * @param all from the due time to the last reminder accepted (or to the end of the
	 * wait)
	 * @param delays from the due time to each reminder's acceptance (a missing one counts
	 * the whole wait)
	 * @param missing clients without a reminder when the wait ended
	 * @param duplicates clients with more than one confirmation and one reminder
	 * @param confirmationsLate clients whose confirmation had not arrived at the due time
	 */
	record Outcome(int size, Duration all, Latencies delays, long missing, long duplicates, long confirmationsLate,
			Floor floor) {

		List<Figure> figures() {
			String load = " (%,d due at once%s)".formatted(this.size,
					this.missing == 0 ? "" : "; %,d never came, so at least".formatted(this.missing));
			double seconds = this.all.toMillis() / 1000.0;
			String floorName = "the same number of mails sent straight to SMTP by " + SENDERS + " senders";
			return List.of(
					Figure.targeted("P3 burst: s from the due time to the last reminder accepted" + load, seconds, "s",
							this.floor.allNanos() / 1e9, floorName, "<= 60 s",
							this.missing == 0 && this.all.compareTo(TARGET) <= 0),
					Figure.reported("P3 burst reminder p50 ms after the due time" + load, this.delays.p50(), "ms",
							this.floor.delays().p50(), floorName + " (p50)"),
					Figure.reported("P3 burst reminder p99 ms after the due time" + load, this.delays.p99(), "ms",
							this.floor.delays().p99(), floorName + " (p99)"),
					Figure.targeted("P3 burst reminders missing", this.missing, "", Double.NaN, "", "0",
							this.missing == 0),
					Figure.targeted("P3 burst clients sent a message twice", this.duplicates, "", Double.NaN, "", "0",
							this.duplicates == 0),
					Figure.reported("P3 burst confirmations not yet sent when the reminders fell due",
							this.confirmationsLate, "", Double.NaN, ""));
		}

	}

}
