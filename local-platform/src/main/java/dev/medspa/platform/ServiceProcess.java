package dev.medspa.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service in a JVM of its own, started from its executable jar with its configuration
 * in environment variables, as a container would run it. Its output goes to a log file.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * @param jar the service's executable jar
	 * @param port its HTTP port
	 * @param environment its configuration
	 * @param log where its output goes
	 */
	public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path log) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No jar for " + name + " at " + jar + ": build first (./mvnw package)");
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		String options = System.getenv()
			.getOrDefault("SERVICE_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
		command.addAll(List.of(options.trim().split("\\s+")));
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			builder.environment().put("SERVER_PORT", String.valueOf(port));
			return new ServiceProcess(name, port, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	/** Waits until the service answers its health check with UP. */
	public void awaitHealthy(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " stopped with exit code " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause();
		}
		throw new IllegalStateException(this.name + " was not healthy within " + timeout + "; see " + this.log);
	}

	public String name() {
		return this.name;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	/**
	 * Kills the service as a crash would: SIGKILL, no shutdown hooks, nothing flushed;
	 * returns once the process is gone.
	 */
	public void kill() {
		try {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Asks the service to stop (SIGTERM) without waiting, so several can shut down side
	 * by side.
	 */
	public void requestStop() {
		this.process.destroy();
	}

	/**
	 * Stops the service as an orchestrator would: SIGTERM, then SIGKILL if it does not
	 * stop in time.
	 */
	@Override
	public void close() {
		requestStop();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
