package dev.medspa.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's command: runs once, prints the table, writes {@code benchmark.json} and
 * {@code benchmark.svg}, and exits 0 whether or not the targets were met (it measures; it
 * does not judge a build).
 */
public final class Benchmark {

	static {
		// local-platform's jar has a logback.xml too; naming ours avoids logback's
		// complaint, on standard out, that there are two
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "benchmark-logback.xml");
		}
	}

	private Benchmark() {
	}

	public static void main(String[] args) {
		if (List.of(args).contains("--help")) {
			System.out.print(Options.USAGE);
			return;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Report report;
		try {
			report = run(options);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		catch (RuntimeException ex) {
			System.err.println("The benchmark stopped: " + ex.getMessage());
			ex.printStackTrace();
			System.exit(1);
			return;
		}
		report.print(System.out);
		System.out.println("  Results: " + json(options).toAbsolutePath() + " and " + svg(options).toAbsolutePath());
		System.exit(0);
	}

	/** Runs the benchmark and writes its files; the platform is stopped afterwards. */
	public static Report run(Options options) {
		Report report = new BenchmarkRun(options).run();
		report.writeJson(json(options));
		report.writeSvg(svg(options));
		return report;
	}

	static Path json(Options options) {
		return options.out().resolve("benchmark.json");
	}

	static Path svg(Options options) {
		return options.out().resolve("benchmark.svg");
	}

}
