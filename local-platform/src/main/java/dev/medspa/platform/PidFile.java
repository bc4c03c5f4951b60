package dev.medspa.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes of a running platform. After a {@code kill -9} of the launcher its
 * services may live on; the next start finds them here and stops them, and refuses to
 * start while the launcher itself still runs.
 */
final class PidFile {

	private static final String LAUNCHER = "launcher";

	private final Path file;

	PidFile(Path file) {
		this.file = file;
	}

	/** The launcher of an earlier start, if it is still running. */
	Optional<ProcessHandle> runningLauncher() {
		return entries().stream()
			.filter(entry -> entry[1].equals(LAUNCHER))
			.map(entry -> ProcessHandle.of(Long.parseLong(entry[0])))
			.flatMap(Optional::stream)
			.filter(ProcessHandle::isAlive)
			.filter(handle -> handle.pid() != ProcessHandle.current().pid())
			.findFirst();
	}

	/**
	 * Stops services an earlier launcher left behind; only java processes, in case a pid
	 * was reused.
	 */
	List<String> stopLeftovers() {
		List<String> stopped = new ArrayList<>();
		for (String[] entry : entries()) {
			if (entry[1].equals(LAUNCHER)) {
				continue;
			}
			ProcessHandle.of(Long.parseLong(entry[0]))
				.filter(ProcessHandle::isAlive)
				.filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(false))
				.ifPresent(handle -> {
					handle.destroyForcibly();
					handle.onExit().join();
					stopped.add(entry[1] + " (pid " + entry[0] + ")");
				});
		}
		return stopped;
	}

	void write(List<ServiceProcess> services) {
		StringBuilder lines = new StringBuilder();
		lines.append(ProcessHandle.current().pid()).append(' ').append(LAUNCHER).append('\n');
		services.forEach(service -> lines.append(service.pid()).append(' ').append(service.name()).append('\n'));
		try {
			Files.createDirectories(this.file.getParent());
			Files.writeString(this.file, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			// nothing to do: the next start stops only what is still alive
		}
	}

	private List<String[]> entries() {
		if (!Files.exists(this.file)) {
			return List.of();
		}
		try {
			return Files.readAllLines(this.file, StandardCharsets.UTF_8)
				.stream()
				.map(String::trim)
				.filter(line -> line.matches("\\d+ \\S+"))
				.map(line -> line.split(" "))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
