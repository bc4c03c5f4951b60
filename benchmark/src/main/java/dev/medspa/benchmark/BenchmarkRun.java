package dev.medspa.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run, phase after phase. The days of the booking horizon are shared out so that no
 * phase books where another measures: the calendar's 14 days stay free, the contended
 * slot is on day 15, the measured bookings follow, and the stored history lies beyond.
 */
final class BenchmarkRun {

	private static final int CALENDAR_FROM = 1;

	private static final int CONTENTION_DAY = 15;

	private static final int LIVE_FROM = 16;

	/**
	 * Bookings of a practitioner's day with the demo hydrating facial (75 minutes), for
	 * the horizon booking-service must be started with, before the chain exists.
	 */
	private static final int STARTS_PER_DAY = 9;

	/** The most bookings a second the live phases are planned for. */
	private static final int PLANNED_RATE = 600;

	private static final String JAVA_OPTIONS = System.getenv()
		.getOrDefault("SERVICE_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");

	private final Options options;

	private final Clients clients = new Clients();

	BenchmarkRun(Options options) {
		this.options = options;
	}

	Report run() {
		int perDay = this.options.locations() * this.options.practitioners() * STARTS_PER_DAY;
		int liveDays = daysFor(liveBookings(), perDay);
		long largestHistory = this.options.historySteps().get(this.options.historySteps().size() - 1);
		int historyDays = daysFor(largestHistory, perDay);
		int horizon = Math.max(90, LIVE_FROM + liveDays + historyDays + 7);
		boolean temporary = this.options.home() == null;
		Path home = temporary ? temporaryHome() : requireEmpty(this.options.home());
		Progress.say("Starting the platform in %s", home);
		try (PlatformUnderTest platform = new PlatformUnderTest(home, this.options.services(), horizon);
				MailReceipts receipts = new MailReceipts(platform.mail());
				RawWrites raw = new RawWrites(platform.mongo().connectionString())) {
			Progress.say("The platform is up in %.1f s; logs in %s", platform.startTime().toMillis() / 1000.0,
					platform.logs());
			Map<String, Footprint.Heap> idle = Footprint.measure(platform.services());
			Http http = Http.anonymous();
			Http staff = http.as(StaffToken.owner(platform.signingKey(), platform.site(), Duration.ofHours(12)));
			Chain chain = Chain.create(staff, platform.site(), this.options.locations(), this.options.practitioners());
			Progress.say("The chain is loaded: %d locations, %d bookings a day", chain.locations().size(),
					chain.bookingsPerDay());
			if (chain.bookingsPerDay() < perDay) {
				throw new IllegalStateException("The demo " + Chain.TREATMENT + " takes longer than planned for: "
						+ chain.bookingsPerDay() + " bookings a day instead of " + perDay);
			}
			SlotPlan live = new SlotPlan(chain, LIVE_FROM, liveDays);
			SlotPlan stored = new SlotPlan(chain, LIVE_FROM + liveDays, historyDays);
			History history = new History(http, platform.service("booking-service"), stored, this.clients);
			List<Figure> pending = new ArrayList<>();

			BookingPhase booking = new BookingPhase(http, platform.site(), raw, this.clients);
			booking.warmUp(live, this.options.smoke() ? Duration.ofSeconds(1) : Duration.ofSeconds(10));
			AvailabilityPhase availability = new AvailabilityPhase(http, platform.site());
			LocalDate tomorrow = LocalDate.now(chain.locations().get(0).zone()).plusDays(CALENDAR_FROM);
			List<BookingPhase.Step> bookingSteps = new ArrayList<>();
			List<AvailabilityPhase.Step> availabilitySteps = new ArrayList<>();
			for (int step : this.options.historySteps()) {
				history.growTo(step);
				pending.add(drain(receipts, "P1 at %,d stored".formatted(history.stored())));
				bookingSteps
					.add(booking.measure(history.stored(), live, this.options.phase(), this.options.bookingsPerStep()));
				availabilitySteps.add(availability.measure(history.stored(), tomorrow, this.options.phase()));
			}

			pending.add(drain(receipts, "P2"));
			ContentionPhase.Outcome contention = new ContentionPhase(platform.site(), this.clients)
				.run(new SlotPlan(chain, CONTENTION_DAY, 1).next(), this.options.contenders());

			pending.add(drain(receipts, "P3"));
			PipelinePhase.Outcome pipeline;
			try (PipelineFloor floor = new PipelineFloor(platform.kafka().bootstrapServers(),
					platform.mail().smtpPort(), receipts, this.clients)) {
				pipeline = new PipelinePhase(http, platform.site(), this.clients, receipts, floor).run(live,
						this.options.pipelineRate(), this.options.pipelineDuration(),
						this.options.drainWait().plus(Duration.ofSeconds(30)));
			}

			pending.add(drain(receipts, "the P3 burst"));
			BurstPhase.Outcome burst = new BurstPhase(staff, platform, receipts, this.clients).run(this.options.burst(),
					this.options.burstLead(), BurstPhase.TARGET.plus(this.options.drainWait()),
					this.options.smoke() ? Duration.ofSeconds(1) : Duration.ofSeconds(10));
			Map<String, Footprint.Heap> loaded = Footprint.measure(platform.services());

			List<Figure> figures = new ArrayList<>();
			figures
				.add(Figure.targeted("Platform start, launch to all healthy", platform.startTime().toMillis() / 1000.0,
						"s", Double.NaN, "", "<= 30 s", platform.startTime().compareTo(Duration.ofSeconds(30)) <= 0));
			figures.addAll(BookingPhase.figures(bookingSteps));
			figures.addAll(contention.figures(bookingSteps.get(0).platform().get(1).latencies().p50()));
			figures.addAll(pipeline.figures());
			figures.addAll(burst.figures());
			figures.addAll(AvailabilityPhase.figures(availabilitySteps));
			figures.addAll(footprint(idle, loaded));
			figures.addAll(pending);
			List<String> notes = notes(new Days(live.daysUsed(), liveDays, stored.daysUsed()));
			Progress.say("Stopping the platform");
			return new Report(Instant.now(), notes, figures);
		}
		finally {
			if (temporary) {
				delete(home);
			}
		}
	}

	/**
	 * Gives the confirmations of the phases before a while to arrive, and reports how
	 * many were still on their way when the next phase began.
	 */
	private Figure drain(MailReceipts receipts, String phase) {
		long started = System.nanoTime();
		long missing = this.clients.awaitConfirmations(receipts, this.options.drainWait());
		Progress.say("Before %s: %,d confirmations still on their way after %.1f s", phase, missing,
				(System.nanoTime() - started) / 1e9);
		return Figure.reported("Confirmations still on their way when " + phase + " began", missing, "", Double.NaN,
				"");
	}

	/** As many bookings as the live phases could make at the planned rate, at most. */
	private long liveBookings() {
		long perConcurrency = Math.min((long) PLANNED_RATE * this.options.phase().toSeconds(),
				this.options.bookingsPerStep());
		long warmUp = PLANNED_RATE * 10L;
		return warmUp + perConcurrency * BookingPhase.CONCURRENCY.size() * this.options.historySteps().size()
				+ (long) this.options.pipelineRate() * this.options.pipelineDuration().toSeconds();
	}

	private static int daysFor(long bookings, int perDay) {
		return (int) Math.max(1, (bookings + perDay - 1) / perDay);
	}

	private static List<Figure> footprint(Map<String, Footprint.Heap> idle, Map<String, Footprint.Heap> loaded) {
		List<Figure> figures = new ArrayList<>();
		loaded.forEach((service, heap) -> {
			figures.add(Figure.targeted("Heap live after the load (after a full GC), " + service, heap.liveMegabytes(),
					"MB", idle.get(service).liveMegabytes(), "the same right after start", "<= 256 MB",
					heap.liveMegabytes() <= 256));
			figures.add(Figure.reported("Heap in use after the load (before that GC), " + service, heap.usedMegabytes(),
					"MB", idle.get(service).usedMegabytes(), "the same right after start"));
		});
		return figures;
	}

	private List<String> notes(Days days) {
		int historyFrom = LIVE_FROM + days.livePlanned();
		return List.of(
				(this.options.smoke() ? "Smoke run" : "Run") + " on " + Runtime.getRuntime().availableProcessors()
						+ " cores; services started with SERVICE_JAVA_OPTS=\"" + JAVA_OPTIONS + "\".",
				"Bookings (P1, P2, P3) and availability (P4) go through the gateway, as a client's would; the stored "
						+ "history is booked straight at booking-service by 16 clients.",
				"Chain: %d locations x %d practitioners, a treatment room each, open 08:00-20:00 every day; every booking is a %s."
					.formatted(this.options.locations(), this.options.practitioners(), Chain.TREATMENT),
				"Days from tomorrow: calendar 1-14 (kept free), contention %d, measured bookings %d-%d, history %d-%d."
					.formatted(CONTENTION_DAY, LIVE_FROM, LIVE_FROM + Math.max(1, days.liveUsed()) - 1, historyFrom,
							historyFrom + Math.max(1, days.historyUsed()) - 1),
				("Each measured step lasts %d s; floors: MongoDB driver findOneAndUpdate on a version, same store and "
						+ "concurrency (P1); Kafka produce-consume round trip + SMTP send, sampled during P3; the "
						+ "burst's number of mails sent straight to SMTP by %d senders (P3 burst); one catalog read "
						+ "through the gateway (P4).")
					.formatted(this.options.phase().toSeconds(), BurstPhase.SENDERS),
				("P3 burst: %,d BookingConfirmed events published straight to the booking topic (as booking-service "
						+ "would), at a location made for it whose zone puts the due time near noon; their reminders "
						+ "all fall due %d s later, at the same instant.")
					.formatted(this.options.burst(), this.options.burstLead().toSeconds()),
				"Services' jars from %s, built %s.".formatted(this.options.services().toAbsolutePath().normalize(),
						jarsBuilt()));
	}

	/**
	 * When the newest of the services' jars was built, so a run can be matched to code.
	 */
	private String jarsBuilt() {
		try (Stream<Path> jars = Files.list(this.options.services())) {
			return jars.map(BenchmarkRun::modified)
				.max(Comparator.naturalOrder())
				.map(Instant::toString)
				.orElse("(no jars)");
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Days of the horizon the phases booked on. */
	private record Days(int liveUsed, int livePlanned, int historyUsed) {
	}

	/** A run starts from nothing: a chain already there would refuse to be made again. */
	private static Path requireEmpty(Path home) {
		try (Stream<Path> entries = Files.exists(home) ? Files.list(home) : Stream.empty()) {
			if (entries.findAny().isPresent()) {
				throw new IllegalArgumentException("--home " + home + " must be a new or empty folder");
			}
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path temporaryHome() {
		try {
			return Files.createTempDirectory("medspa-benchmark-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path home) {
		try (Stream<Path> paths = Files.walk(home)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			Progress.say("Could not delete %s: %s", home, ex.getMessage());
		}
	}

}
