package dev.medspa.platform;

import java.nio.file.Path;

import dev.medspa.infrastructure.FreePort;
import dev.medspa.infrastructure.KafkaBroker;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka broker of a fault test's own, which the test stops and starts again on the same
 * data and ports, so the services find it where they left it.
 */
final class RestartableBroker implements AutoCloseable {

	private final Path data;

	private final int port = FreePort.find();

	private final int controllerPort = FreePort.find();

	private @Nullable KafkaBroker running;

	RestartableBroker(Path data) {
		this.data = data;
		start();
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	void start() {
		if (this.running == null) {
			this.running = KafkaBroker.start(this.data, this.port, this.controllerPort);
		}
	}

	void stop() {
		if (this.running != null) {
			this.running.close();
			this.running = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

}
