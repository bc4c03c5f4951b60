package dev.medspa.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft combined mode (broker and controller in
 * one), running in this JVM. Its log directory is formatted once; starting again on the
 * same directory keeps every topic and offset.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Starts a broker and waits until it answers.
	 * @param logDir where the broker keeps its data; formatted on first use
	 * @param port the client port on 127.0.0.1
	 * @param controllerPort the KRaft controller port on 127.0.0.1
	 */
	public static KafkaBroker start(Path logDir, int port, int controllerPort) {
		Properties props = properties(logDir, port, controllerPort);
		formatOnce(logDir, props);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
		server.startup();
		String bootstrap = "127.0.0.1:" + port;
		KafkaBroker broker = new KafkaBroker(server, bootstrap);
		broker.awaitReady(Duration.ofSeconds(60));
		log.info("Kafka broker ready at {} (data in {})", bootstrap, logDir);
		return broker;
	}

	/** Starts a broker on free ports with its data in a fresh temporary directory. */
	public static KafkaBroker startTemporary() {
		try {
			Path dir = Files.createTempDirectory("kafka-");
			dir.toFile().deleteOnExit();
			return start(dir, FreePort.find(), FreePort.find());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

	private static Properties properties(Path logDir, int port, int controllerPort) {
		Properties props = new Properties();
		props.putAll(Map.ofEntries(Map.entry("process.roles", "broker,controller"), Map.entry("node.id", "1"),
				Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
				Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
				Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
				Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
				Map.entry("controller.listener.names", "CONTROLLER"),
				Map.entry("inter.broker.listener.name", "PLAINTEXT"),
				Map.entry("log.dirs", logDir.toAbsolutePath().toString()), Map.entry("num.partitions", "3"),
				Map.entry("offsets.topic.replication.factor", "1"), Map.entry("offsets.topic.num.partitions", "3"),
				Map.entry("transaction.state.log.replication.factor", "1"),
				Map.entry("transaction.state.log.min.isr", "1"),
				Map.entry("share.coordinator.state.topic.replication.factor", "1"),
				Map.entry("share.coordinator.state.topic.min.isr", "1"),
				Map.entry("group.initial.rebalance.delay.ms", "0"), Map.entry("auto.create.topics.enable", "true"),
				Map.entry("log.cleaner.backoff.ms", "1000")));
		return props;
	}

	private static void formatOnce(Path logDir, Properties props) {
		try {
			Files.createDirectories(logDir);
			if (Files.exists(logDir.resolve("meta.properties"))) {
				return;
			}
			Path config = Files.createTempFile("kafka-server", ".properties");
			try (OutputStream out = Files.newOutputStream(config)) {
				props.store(out, "local broker");
			}
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			int exit = StorageTool.execute(new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c",
					config.toString(), "--ignore-formatted" }, new PrintStream(output, true, StandardCharsets.UTF_8));
			Files.deleteIfExists(config);
			if (exit != 0) {
				throw new IllegalStateException(
						"Formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			while (true) {
				try {
					admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
					return;
				}
				catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
					if (Instant.now().isAfter(deadline)) {
						throw new IllegalStateException("Kafka broker did not answer within " + timeout, ex);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
	}

}
