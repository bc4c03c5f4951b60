package dev.medspa.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server that speaks the MongoDB wire protocol (mongo-java-server), in memory or on an
 * H2 file. On a file, every write command is committed before it is answered, so what a
 * client was told is stored survives a {@code kill -9}.
 */
public final class MongoWireServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

	private final MongoServer server;

	private final String connectionString;

	private MongoWireServer(MongoBackend backend, int port) {
		this.server = new MongoServer(backend);
		this.server.bind("127.0.0.1", port);
		this.connectionString = "mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort();
	}

	/** A server whose data lives in the given file and survives restarts. */
	public static MongoWireServer onFile(Path file, int port) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		MongoWireServer server = new MongoWireServer(new CommittingH2Backend(file.toAbsolutePath().toString()), port);
		log.info("MongoDB-wire server ready at {} (data in {})", server.connectionString, file);
		return server;
	}

	/** A server on a free port that keeps its data in memory only. */
	public static MongoWireServer inMemory() {
		return new MongoWireServer(new MemoryBackend(), 0);
	}

	public String connectionString() {
		return this.connectionString;
	}

	public int port() {
		return this.server.getLocalAddress().getPort();
	}

	@Override
	public void close() {
		this.server.shutdown();
	}

	/**
	 * Commits the H2 store after every command that changes data, instead of once a
	 * second in the background.
	 */
	static final class CommittingH2Backend extends H2Backend {

		private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
				"createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

		CommittingH2Backend(String fileName) {
			super(fileName);
		}

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			try {
				return super.handleCommand(channel, databaseName, command, query);
			}
			finally {
				if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
					commit();
				}
			}
		}

	}

}
