package dev.medspa.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one run does: the size of the chain and of its stored history, how long each phase
 * lasts, and where the platform and the results live.
 *
 * @param home where the platform keeps its data and logs; a temporary folder (deleted
 * afterwards) when absent
 * @param out where the JSON and SVG results go
 * @param services the folder with the services' executable jars
 * @param historySteps the stored bookings at which booking and availability are measured,
 * smallest first (the growth figures compare the first and the last)
 * @param phase how long each measured step of booking and availability lasts
 * @param bookingsPerStep the most bookings one measured booking step makes
 * @param drainWait how long a phase waits for the confirmations of the one before
 * @param contenders requests sent at once for one slot
 * @param pipelineRate bookings per second for the pipeline
 * @param pipelineDuration how long bookings arrive at that rate
 * @param burst reminders that fall due at the same moment
 * @param burstLead from publishing the burst's bookings to their reminders' due time: the
 * head start of their confirmations
 */
record Options(boolean smoke, @Nullable Path home, Path out, Path services, int locations, int practitioners,
		List<Integer> historySteps, Duration phase, long bookingsPerStep, Duration drainWait, int contenders,
		int pipelineRate, Duration pipelineDuration, int burst, Duration burstLead) {

	static final String USAGE = """
			Usage: java -jar benchmark/target/benchmark.jar [options]
			  --smoke                 a tiny chain and history, seconds per phase (what the CI test runs)
			  --locations N           locations in the chain (default 10, smoke 2)
			  --practitioners N       practitioners per location (default 20, smoke 3)
			  --history N,M,...       stored bookings at each measuring step (default 1000,100000; smoke 10,30)
			  --seconds N             seconds per measured booking or availability step (default 15; smoke 1)
			  --max-bookings N        at most this many bookings per measured booking step (default no limit; smoke 10)
			  --drain-seconds N       the longest wait for earlier confirmations before a phase, and for the
			                          pipeline's own after it (30 s more) (default 300; smoke 2)
			  --contenders N          concurrent requests for one slot (default 500; smoke 100)
			  --pipeline-rate N       bookings per second for the pipeline (default 100; smoke 10)
			  --pipeline-seconds N    seconds of bookings at that rate (default 60; smoke 2)
			  --burst N               reminders due at the same moment (default 5000; smoke 50)
			  --burst-lead-seconds N  from publishing the burst's bookings to that moment, for their
			                          confirmations to go first (default 120; smoke 10)
			  --home DIR              a new or empty folder to keep the platform's data and logs in (default: a temporary folder, deleted)
			  --out DIR               where benchmark.json and benchmark.svg go (default target/benchmark)
			  --services DIR          the services' jars (default local-platform/target/services)
			""";

	private static final Set<String> NAMES = Set.of("--locations", "--practitioners", "--history", "--seconds",
			"--max-bookings", "--drain-seconds", "--contenders", "--pipeline-rate", "--pipeline-seconds", "--burst",
			"--burst-lead-seconds", "--home", "--out", "--services");

	static Options parse(String... args) {
		boolean smoke = Arrays.asList(args).contains("--smoke");
		Map<String, String> given = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--smoke")) {
				continue;
			}
			if (!NAMES.contains(args[i]) || i + 1 >= args.length) {
				throw new IllegalArgumentException("Unknown option or missing value: " + args[i] + "\n" + USAGE);
			}
			given.put(args[i], args[++i]);
		}
		String home = given.get("--home");
		String maxBookings = given.get("--max-bookings");
		return new Options(smoke, home == null ? null : Path.of(home),
				Path.of(given.getOrDefault("--out", "target/benchmark")),
				given.containsKey("--services") ? Path.of(given.get("--services")) : defaultServices(),
				number(given, "--locations", smoke ? 2 : 10), number(given, "--practitioners", smoke ? 3 : 20),
				Arrays.stream(given.getOrDefault("--history", smoke ? "10,30" : "1000,100000").split(","))
					.map(step -> positive("--history", step.strip()))
					.sorted()
					.toList(),
				Duration.ofSeconds(number(given, "--seconds", smoke ? 1 : 15)),
				maxBookings != null ? positive("--max-bookings", maxBookings) : smoke ? 10 : Long.MAX_VALUE,
				Duration.ofSeconds(number(given, "--drain-seconds", smoke ? 2 : 300)),
				number(given, "--contenders", smoke ? 100 : 500), number(given, "--pipeline-rate", smoke ? 10 : 100),
				Duration.ofSeconds(number(given, "--pipeline-seconds", smoke ? 2 : 60)),
				number(given, "--burst", smoke ? 50 : 5000),
				Duration.ofSeconds(number(given, "--burst-lead-seconds", smoke ? 10 : 120)));
	}

	private static int number(Map<String, String> given, String name, int otherwise) {
		String value = given.get(name);
		return value == null ? otherwise : positive(name, value);
	}

	private static int positive(String name, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " needs a positive whole number, not " + value);
	}

	/** The build's copy, from the repository root or from a module folder. */
	private static Path defaultServices() {
		String property = System.getProperty("services.dir");
		if (property != null) {
			return Path.of(property);
		}
		Path fromRoot = Path.of("local-platform", "target", "services");
		return fromRoot.toFile().isDirectory() ? fromRoot : Path.of("..", "local-platform", "target", "services");
	}

}
