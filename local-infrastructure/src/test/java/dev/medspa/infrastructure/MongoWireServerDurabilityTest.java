package dev.medspa.infrastructure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client was told is written must still be there after the store's process is
 * killed with SIGKILL. The H2 backend alone commits once a second in the background, so
 * without the commit after each write this test loses the most recent inserts.
 */
class MongoWireServerDurabilityTest {

	@TempDir
	Path dir;

	@Test
	void acknowledgedWritesSurviveKillMinusNine() throws Exception {
		Path file = this.dir.resolve("store.mv");
		int port = FreePort.find();
		Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), StoreProcess.class.getName(), file.toString(),
				String.valueOf(port))
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = out.readLine()) != null && !line.contains(StoreProcess.READY)) {
				// wait for the child to listen
			}
			assertThat(line).as("store process output").isNotNull();
			try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
				MongoCollection<Document> bookings = client.getDatabase("clinic").getCollection("bookings");
				for (int i = 0; i < 50; i++) {
					bookings.insertOne(new Document("_id", "b" + i).append("n", i));
				}
				bookings.updateOne(new Document("_id", "b7"), new Document("$set", new Document("state", "moved")));
			}
		}
		finally {
			store.destroyForcibly();
			assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}

		try (MongoWireServer server = MongoWireServer.onFile(file, 0);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> bookings = client.getDatabase("clinic").getCollection("bookings");
			assertThat(bookings.countDocuments()).isEqualTo(50);
			assertThat(bookings.find(new Document("_id", "b7")).first()).containsEntry("state", "moved");
		}
	}

	/** The store in a process of its own, so that it can be killed. */
	public static final class StoreProcess {

		static final String READY = "store-ready";

		public static void main(String[] args) throws InterruptedException {
			MongoWireServer.onFile(Path.of(args[0]), Integer.parseInt(args[1]));
			System.out.println(READY);
			Thread.currentThread().join();
		}

	}

}
