package dev.medspa.benchmark;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's smoke run, end to end on the packaged services: every figure is
 * produced and written, the contended slot has exactly one winner, and every client of
 * the burst got its reminder exactly once. Nothing here is about speed; the benchmark
 * only prints whether its targets were met.
 */
class BenchmarkSmokeIT {

	@TempDir
	Path out;

	@Test
	void theSmokeRunProducesEveryFigureAndWritesItsFiles() {
		Report report = Benchmark.run(Options.parse("--smoke", "--out", this.out.toString()));
		report.print(System.out);

		assertThat(report.figures()).extracting(Figure::name)
			.anyMatch(name -> name.startsWith("Platform start"))
			.anyMatch(name -> name.startsWith("P1 bookings/s, 8 clients"))
			.anyMatch(name -> name.startsWith("P1 growth"))
			.anyMatch(name -> name.startsWith("P2 winners"))
			.anyMatch(name -> name.startsWith("P3 confirmation p50"))
			.anyMatch(name -> name.startsWith("P3 burst: s from the due time"))
			.anyMatch(name -> name.startsWith("P4 14-day calendar size"))
			.anyMatch(name -> name.startsWith("P4 growth"))
			.anyMatch(name -> name.startsWith("Heap live after the load"));
		assertThat(report.figures()).allSatisfy(figure -> assertThat(figure.value()).as(figure.name()).isNotNaN());
		assertThat(report.figures()).filteredOn(figure -> figure.name().startsWith("P2 winners"))
			.singleElement()
			.satisfies(winners -> assertThat(winners.value()).isEqualTo(1));
		assertThat(report.figures())
			.filteredOn(figure -> figure.name().equals("P3 burst reminders missing")
					|| figure.name().equals("P3 burst clients sent a message twice"))
			.hasSize(2)
			.allSatisfy(figure -> assertThat(figure.value()).as(figure.name()).isZero());
		assertThat(this.out.resolve("benchmark.json")).content().contains("\"figures\"").contains("P3 confirmation");
		assertThat(this.out.resolve("benchmark.svg")).content().startsWith("<svg").contains("P4 14-day calendar");
	}

}
