package dev.medspa.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import dev.medspa.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R6: notification-service is killed with SIGKILL while it sends a wave of confirmations,
 * and before it comes back its consumer group is reset to the beginning of the booking
 * events, so it reads every event again. Every client gets their confirmation, none a
 * second message of their own (a message whose sender died after the server took it and
 * before that was recorded goes again under the same Message-ID, which mail clients show
 * once; the test counts those too and reports them).
 */
@Tag("fault")
class NotificationCrashIT {

	private static final int BOOKINGS = 200;

	private static final String GROUP = "notification-booking-events";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	static Path home;

	private static PackagedPlatform platform;

	@BeforeAll
	static void start() {
		// a short session, so the killed member leaves its group in seconds; a short
		// lease, so a message the killed sender held is taken over soon
		platform = new PackagedPlatform(home, Map.of("SPRING_APPLICATION_JSON", """
				{"spring":{"kafka":{"consumer":{"properties":{"session.timeout.ms":"6000"}}}},
				 "medspa":{"notification":{"send-lease":"PT10S"}}}
				"""));
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void killedMidSendAndReadingEveryEventAgainItMissesNoClientAndMailsNoneTwice() throws Exception {
		String booking = platform.service("booking-service");
		List<DemoSlots.Slot> slots = DemoSlots.awaitFree(booking, BOOKINGS);
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> clients = new ArrayList<>();
		ExecutorService senders = Executors.newFixedThreadPool(8);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < BOOKINGS; i++) {
			String email = "wave-" + run + "-" + i + "@example.com";
			clients.add(email);
			DemoSlots.Slot slot = slots.get(i);
			answers.add(senders.submit(() -> HTTP.send(HttpRequest.newBuilder(URI.create(booking + "/api/bookings"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(DemoSlots.request(slot, email)))
				.build(), HttpResponse.BodyHandlers.ofString())));
		}
		for (Future<HttpResponse<String>> answer : answers) {
			assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
		}
		senders.shutdown();

		// mid-send: some clients have their confirmation, most do not yet
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> clients.stream().filter(email -> !PlatformCalls.mailTo(email).isEmpty()).count() >= 10);
		platform.kill("notification-service");
		long mailedBeforeTheKill = clients.stream().filter(email -> !PlatformCalls.mailTo(email).isEmpty()).count();
		assertThat(mailedBeforeTheKill).as("confirmations sent before the kill").isLessThan(BOOKINGS);

		resetToTheBeginning(platform.topicPrefix() + "booking.events.v1");
		platform.restart("notification-service");

		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(clients.stream().filter(email -> PlatformCalls.mailTo(email).isEmpty()))
				.as("clients without their confirmation")
				.isEmpty());
		// and so it stays past the send lease, after which a message the killed sender
		// held is taken over
		Map<String, Integer> resent = new HashMap<>();
		await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			resent.clear();
			for (String email : clients) {
				List<MimeMessage> mails = PlatformCalls.mailTo(email);
				Set<String> identities = mails.stream().map(NotificationCrashIT::messageId).collect(Collectors.toSet());
				assertThat(identities).as("the messages " + email + " received").hasSize(1);
				assertThat(identities.iterator().next()).endsWith(".confirmation.v1@medspa.dev>");
				if (mails.size() > 1) {
					resent.put(email, mails.size());
				}
			}
		});
		System.out.printf("R6: %d of %d confirmations sent before the kill; sent again under the same Message-ID "
				+ "after a takeover: %s%n", mailedBeforeTheKill, BOOKINGS, resent);
		assertThat(resent.values()).as("a message sent more than twice").allMatch(count -> count == 2);
		assertThat(resent).as("messages sent again: only those the killed sender held").hasSizeLessThanOrEqualTo(8);
	}

	/**
	 * Moves the consumer group of the booking events back to the beginning, once the
	 * killed member has left it.
	 */
	private static void resetToTheBeginning(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedInfrastructure.get().kafkaBootstrapServers()))) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> admin.describeConsumerGroups(List.of(GROUP))
					.describedGroups()
					.get(GROUP)
					.get()
					.groupState() == GroupState.EMPTY);
			int partitions = admin.describeTopics(List.of(topic))
				.topicNameValues()
				.get(topic)
				.get()
				.partitions()
				.size();
			Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
			for (int partition = 0; partition < partitions; partition++) {
				beginning.put(new TopicPartition(topic, partition), new OffsetAndMetadata(0));
			}
			admin.alterConsumerGroupOffsets(GROUP, beginning).all().get();
		}
	}

	private static String messageId(MimeMessage mail) {
		try {
			return mail.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
