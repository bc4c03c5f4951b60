package dev.medspa.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.medspa.infrastructure.FreePort;
import dev.medspa.infrastructure.KafkaBroker;
import dev.medspa.infrastructure.MailServer;
import dev.medspa.infrastructure.MongoWireServer;
import dev.medspa.platform.InstallationSecrets;
import dev.medspa.platform.ServiceProcess;

/**
 * The platform as it ships, started for a run: Kafka, the MongoDB-wire store on a file
 * and the SMTP server in this JVM (so the benchmark can time each mail as it arrives and
 * write to the same store), and the gateway and the three services each in a JVM of its
 * own from its executable jar, on free ports.
 */
final class PlatformUnderTest implements AutoCloseable {

	/**
	 * Every client limit, raised out of the way: all the load comes from 127.0.0.1.
	 */
	private static final List<String> LIMITS = List.of("HOLDSPERADDRESSPERMINUTE", "BOOKINGSPERADDRESSPERHOUR",
			"BOOKINGSPEREMAILPERDAY", "BOOKINGSPERPHONEPERDAY", "MANAGEMISSESPERADDRESSPERMINUTE", "MOVESPERBOOKING",
			"EMAILCODESPERADDRESSPERHOUR", "EMAILCODESPEREMAILPERHOUR", "EMAILCODEATTEMPTSPEREMAILPERHOUR");

	private final List<AutoCloseable> running = new ArrayList<>();

	private final List<ServiceProcess> services = new ArrayList<>();

	private final Path home;

	private final MongoWireServer mongo;

	private final MailServer mail;

	private final KafkaBroker kafka;

	private final Duration startTime;

	private final int gatewayPort = FreePort.find();

	/**
	 * Starts everything and waits until every service is healthy.
	 * @param horizonDays how far ahead booking-service takes bookings, so the whole
	 * stored history fits
	 */
	PlatformUnderTest(Path home, Path jars, int horizonDays) {
		this.home = home;
		long started = System.nanoTime();
		try {
			this.mongo = keep(MongoWireServer.onFile(home.resolve("data/mongo.mv"), FreePort.find()));
			this.mail = keep(MailServer.start(0, 0));
			this.kafka = keep(KafkaBroker.start(home.resolve("data/kafka"), FreePort.find(), FreePort.find()));
			startServices(jars, horizonDays);
			this.services.forEach(service -> service.awaitHealthy(Duration.ofMinutes(3)));
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
		this.startTime = Duration.ofNanos(System.nanoTime() - started);
	}

	private void startServices(Path jars, int horizonDays) {
		String manageLinkKey = InstallationSecrets.readOrCreate(this.home.resolve("keys/manage-link-key"));
		int catalogPort = FreePort.find();
		int bookingPort = FreePort.find();
		int notificationPort = FreePort.find();
		Map<String, String> gateway = new HashMap<>();
		gateway.put("GATEWAY_URL", site());
		gateway.put("CATALOG_URL", "http://127.0.0.1:" + catalogPort);
		gateway.put("BOOKING_SERVICE_URL", "http://127.0.0.1:" + bookingPort);
		gateway.put("NOTIFICATION_URL", "http://127.0.0.1:" + notificationPort);
		gateway.put("IDENTITY_SIGNING_KEY_FILE", signingKey().toString());
		gateway.put("DEMO_STAFF_FILE", this.home.resolve("demo-staff.txt").toAbsolutePath().toString());
		start(jars, "gateway", this.gatewayPort, gateway);
		start(jars, "catalog-service", catalogPort, Map.of("CATALOG_DEMO_DATA", "true"));
		start(jars, "booking-service", bookingPort,
				Map.of("MANAGE_LINK_KEYS", manageLinkKey, "MEDSPA_BOOKING_HORIZON", "P" + horizonDays + "D"));
		Map<String, String> notification = new HashMap<>();
		notification.put("SMS_SINK_DIRECTORY", this.home.resolve("sms").toAbsolutePath().toString());
		notification.put("MANAGE_URL", site() + "/manage/");
		// no intake-service runs here, so no forms ever fall due: a confirmation has
		// nothing
		// to wait for, and its delay is the pipeline's own
		notification.put("CONFIRMATION_GRACE", "PT0S");
		notification.put("BOOKING_URL", site() + "/book");
		notification.put("UNSUBSCRIBE_URL", site() + "/api/unsubscribe/");
		notification.put("MANAGE_LINK_KEYS", manageLinkKey);
		notification.put("UNSUBSCRIBE_SECRET",
				InstallationSecrets.readOrCreate(this.home.resolve("keys/unsubscribe-secret")));
		start(jars, "notification-service", notificationPort, notification);
	}

	private void start(Path jars, String name, int port, Map<String, String> extra) {
		Map<String, String> env = new HashMap<>(extra);
		env.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		env.put("MONGODB_URI", this.mongo.connectionString() + "/" + name.replace("-service", ""));
		env.put("SMTP_HOST", "127.0.0.1");
		env.put("SMTP_PORT", String.valueOf(this.mail.smtpPort()));
		env.put("BOOKING_DEMO_DATA", "true");
		env.put("STAFF_JWK_SET_URI", site() + "/oauth2/jwks");
		env.put("STAFF_TOKEN_ISSUER", site());
		LIMITS.forEach(limit -> env.put("MEDSPA_LIMITS_" + limit, "1000000"));
		ServiceProcess service = keep(ServiceProcess.start(name, jars.resolve(name + ".jar").toAbsolutePath(), port,
				env, this.home.resolve("logs").resolve(name + ".log")));
		this.services.add(service);
	}

	private <T extends AutoCloseable> T keep(T part) {
		this.running.add(part);
		return part;
	}

	/** From launch to every service healthy. */
	Duration startTime() {
		return this.startTime;
	}

	/** Where clients and staff reach the platform: the gateway. */
	String site() {
		return "http://127.0.0.1:" + this.gatewayPort;
	}

	/** Where a service answers directly, past the gateway. */
	String service(String name) {
		return this.services.stream()
			.filter(service -> service.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + name))
			.baseUrl();
	}

	List<ServiceProcess> services() {
		return List.copyOf(this.services);
	}

	Path signingKey() {
		return this.home.resolve("keys/signing-key.json").toAbsolutePath();
	}

	Path logs() {
		return this.home.resolve("logs").toAbsolutePath();
	}

	MongoWireServer mongo() {
		return this.mongo;
	}

	MailServer mail() {
		return this.mail;
	}

	KafkaBroker kafka() {
		return this.kafka;
	}

	/** Stops the services first, side by side, then the infrastructure they use. */
	@Override
	public void close() {
		this.services.forEach(ServiceProcess::requestStop);
		List<AutoCloseable> reversed = new ArrayList<>(this.running);
		Collections.reverse(reversed);
		for (AutoCloseable part : reversed) {
			try {
				part.close();
			}
			catch (Exception ex) {
				System.err.println("Stopping " + part + " failed: " + ex);
			}
		}
	}

}
