package dev.medspa.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The run's figures as a table on standard out, as JSON for machines and as an SVG chart
 * of each figure's ratio to its floor.
 *
 * @param notes how the run was driven, and what it left out
 */
record Report(Instant finishedAt, List<String> notes, List<Figure> figures) {

	void print(PrintStream out) {
		int nameWidth = this.figures.stream().mapToInt(figure -> figure.name().length()).max().orElse(10);
		String row = "%-" + nameWidth + "s  %12s  %12s  %7s  %-28s  %s%n";
		out.println();
		this.notes.forEach(note -> out.println("  " + note));
		out.println();
		out.printf(Locale.ROOT, row, "figure", "value", "floor", "ratio", "target", "result");
		out.println("-".repeat(nameWidth + 76));
		for (Figure figure : this.figures) {
			out.printf(Locale.ROOT, row, figure.name(), number(figure.value()) + " " + figure.unit(),
					Double.isNaN(figure.floor()) ? "" : number(figure.floor()) + " " + figure.unit(),
					Double.isNaN(figure.ratio()) ? "" : "%.2f".formatted(figure.ratio()), figure.target(),
					figure.verdict());
		}
		long met = this.figures.stream().filter(figure -> Boolean.TRUE.equals(figure.met())).count();
		long targeted = this.figures.stream().filter(figure -> figure.met() != null).count();
		out.printf(Locale.ROOT, "%n  %d of %d targets met. Floors are measured in the same run; see the notes above.%n",
				met, targeted);
	}

	void writeJson(Path file) {
		StringJoiner figureList = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
		for (Figure figure : this.figures) {
			figureList.add(("{\"name\": %s, \"value\": %s, \"unit\": %s, \"floor\": %s, \"floorName\": %s, "
					+ "\"ratio\": %s, \"target\": %s, \"met\": %s}")
				.formatted(text(figure.name()), json(figure.value()), text(figure.unit()), json(figure.floor()),
						text(figure.floorName()), json(figure.ratio()), text(figure.target()),
						figure.met() == null ? "null" : figure.met().toString()));
		}
		StringJoiner noteList = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
		this.notes.forEach(note -> noteList.add(text(note)));
		write(file, "{\n  \"finishedAt\": %s,\n  \"notes\": %s,\n  \"figures\": %s\n}\n"
			.formatted(text(this.finishedAt.toString()), noteList, figureList));
	}

	void writeSvg(Path file) {
		write(file, new RatioChart(this.figures).svg());
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e12) {
			return "%,d".formatted((long) value);
		}
		return Math.abs(value) >= 100 ? "%,.0f".formatted(value) : "%.2f".formatted(value);
	}

	private static String json(double value) {
		return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.valueOf(value);
	}

	static String text(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				default -> quoted.append(c < 0x20 ? "\\u%04x".formatted((int) c) : String.valueOf(c));
			}
		}
		return quoted.append('"').toString();
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
