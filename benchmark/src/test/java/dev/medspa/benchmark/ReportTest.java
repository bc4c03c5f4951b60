package dev.medspa.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

	private final Report report = new Report(Instant.parse("2026-12-01T05:00:00Z"), List.of("A \"quoted\" note"),
			List.of(Figure.targeted("P1 bookings/s, 8 clients", 300, "/s", 1000, "raw writes", ">= 290/s", true),
					Figure.targeted("P2 slowest answer ms", 1500, "ms", Double.NaN, "", "<= 1000 ms", false),
					Figure.reported("P4 one day's times size", 37_000, "bytes", Double.NaN, "")));

	@Test
	void theTableShowsEachFigureWithItsFloorRatioAndVerdict() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.report.print(new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(out.toString(StandardCharsets.UTF_8)).contains("P1 bookings/s, 8 clients")
			.contains("0.30")
			.contains("met")
			.contains("NOT MET")
			.contains("1 of 2 targets met");
	}

	@Test
	void jsonHasEveryFigureAndNullsForWhatIsNotANumber(@TempDir Path out) throws Exception {
		this.report.writeJson(out.resolve("b.json"));

		assertThat(out.resolve("b.json")).content()
			.contains("\"A \\\"quoted\\\" note\"")
			.contains("\"ratio\": 0.3")
			.contains("\"floor\": null")
			.contains("\"met\": false");
	}

	@Test
	void theChartEscapesNamesAndDrawsABarOnlyWhereThereIsAFloor(@TempDir Path out) throws Exception {
		this.report.writeSvg(out.resolve("b.svg"));

		assertThat(out.resolve("b.svg")).content()
			.startsWith("<svg")
			.contains("P4 one day's times size")
			.contains("x0.30");
	}

}
