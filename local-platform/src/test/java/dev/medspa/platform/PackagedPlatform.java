package dev.medspa.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.medspa.infrastructure.FreePort;
import dev.medspa.testsupport.SharedInfrastructure;

/**
 * The gateway and the three services as they ship, each its own process from its
 * executable jar, on the shared real broker, store and SMTP server, with their own topic
 * prefix and databases so test classes do not meet.
 */
final class PackagedPlatform implements AutoCloseable {

	private final List<ServiceProcess> processes = new ArrayList<>();

	/** What the services put before every topic name, so runs never share topics. */
	private final String topicPrefix;

	private final Map<String, java.util.function.Supplier<ServiceProcess>> launches = new HashMap<>();

	private final Path home;

	private final ServiceProcess gateway;

	/**
	 * @param home where logs, the signing key, the demo staff file and the clock offset
	 * file go
	 */
	PackagedPlatform(Path home) {
		this(home, Map.of());
	}

	/** The platform with more environment for every service (an OTLP endpoint, say). */
	PackagedPlatform(Path home, Map<String, String> extraEnvironment) {
		this(home, extraEnvironment, 1);
	}

	/**
	 * The platform with {@code instances} processes of each service behind the one
	 * gateway, all sharing the store and the broker; the gateway talks to the first.
	 */
	PackagedPlatform(Path home, Map<String, String> extraEnvironment, int instances) {
		this.home = home;
		SharedInfrastructure infrastructure = SharedInfrastructure.get();
		Path jars = Path.of(System.getProperty("services.dir", "target/services"));
		String prefix = "e2e" + System.nanoTime();
		this.topicPrefix = prefix + ".";
		int gatewayPort = FreePort.find();
		String site = "http://127.0.0.1:" + gatewayPort;
		List<Integer> catalogPorts = ports(instances);
		List<Integer> bookingPorts = ports(instances);
		List<Integer> notificationPorts = ports(instances);
		int intakePort = FreePort.find();

		Map<String, String> common = new HashMap<>();
		common.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
		common.put("SMTP_HOST", "127.0.0.1");
		common.put("SMTP_PORT", String.valueOf(infrastructure.mail().smtpPort()));
		common.put("MEDSPA_KAFKA_TOPICPREFIX", prefix + ".");
		common.put("BOOKING_DEMO_DATA", "true");
		common.put("API_DOCS_ENABLED", "true");
		common.put("STAFF_JWK_SET_URI", site + "/oauth2/jwks");
		common.put("STAFF_TOKEN_ISSUER", site);
		common.put("MEDSPA_TESTING_CLOCK_OFFSET_FILE", clockOffsetFile().toString());
		common.put("MANAGE_LINK_KEYS", InstallationSecrets.readOrCreate(home.resolve("keys/manage-link-key")));
		common.put("METRICS_SCRAPE_PASSWORD", scrapePassword());
		common.putAll(extraEnvironment);
		// every test client comes from 127.0.0.1 and some share a phone number: the
		// client
		// limits are raised out of their way (booking-service's LimitsTest and
		// NoOracleTest, notification-service's EmailCodesTest prove them)
		for (String limit : List.of("HOLDSPERADDRESSPERMINUTE", "BOOKINGSPERADDRESSPERHOUR", "BOOKINGSPEREMAILPERDAY",
				"BOOKINGSPERPHONEPERDAY", "MANAGEMISSESPERADDRESSPERMINUTE", "MOVESPERBOOKING",
				"EMAILCODESPERADDRESSPERHOUR", "EMAILCODESPEREMAILPERHOUR", "EMAILCODEATTEMPTSPEREMAILPERHOUR")) {
			common.put("MEDSPA_LIMITS_" + limit, "1000");
		}

		Map<String, String> gatewayEnv = new HashMap<>(common);
		gatewayEnv.put("GATEWAY_URL", site);
		gatewayEnv.put("CATALOG_URL", urls(catalogPorts));
		gatewayEnv.put("BOOKING_SERVICE_URL", urls(bookingPorts));
		gatewayEnv.put("NOTIFICATION_URL", urls(notificationPorts));
		gatewayEnv.put("INTAKE_URL", "http://127.0.0.1:" + intakePort);
		gatewayEnv.put("IDENTITY_SIGNING_KEY_FILE", home.resolve("keys/signing-key.json").toString());
		gatewayEnv.put("DEMO_STAFF_FILE", demoStaffFile().toString());
		this.gateway = start(jars, "gateway", gatewayPort, prefix, gatewayEnv, infrastructure);

		Map<String, String> bookingEnv = new HashMap<>(common);
		bookingEnv.put("PAYMENTS_DIRECTORY", home.resolve("payments").toString());
		Map<String, String> catalogEnv = new HashMap<>(common);
		catalogEnv.put("CATALOG_DEMO_DATA", "true");
		for (int instance = 0; instance < instances; instance++) {
			start(jars, "catalog-service", catalogPorts.get(instance), prefix, catalogEnv, infrastructure);
			start(jars, "booking-service", bookingPorts.get(instance), prefix, bookingEnv, infrastructure);
		}
		Map<String, String> notificationEnv = new HashMap<>(common);
		notificationEnv.remove("MEDSPA_TESTING_CLOCK_OFFSET_FILE");
		notificationEnv.put("MANAGE_URL", site + "/manage/");
		notificationEnv.put("BOOKING_URL", site + "/book");
		notificationEnv.put("WAITLIST_URL", site + "/waitlist/");
		notificationEnv.put("OFFER_URL", site + "/offer/");
		notificationEnv.put("FORMS_URL", site + "/forms/");
		notificationEnv.put("WEBHOOK_ALLOWED_HOSTS", "127.0.0.1,localhost");
		notificationEnv.put("UNSUBSCRIBE_URL", site + "/api/unsubscribe/");
		notificationEnv.put("UNSUBSCRIBE_SECRET",
				InstallationSecrets.readOrCreate(home.resolve("keys/unsubscribe-secret")));
		notificationEnv.put("SMS_SINK_DIRECTORY", home.resolve("sms").toString());
		for (int instance = 0; instance < instances; instance++) {
			start(jars, "notification-service", notificationPorts.get(instance), prefix, notificationEnv,
					infrastructure);
		}
		Map<String, String> intakeEnv = new HashMap<>(common);
		intakeEnv.put("INTAKE_DEMO_FORMS", "true");
		start(jars, "intake-service", intakePort, prefix, intakeEnv, infrastructure);
		this.processes.forEach(process -> process.awaitHealthy(Duration.ofMinutes(3)));
	}

	private ServiceProcess start(Path jars, String name, int port, String prefix, Map<String, String> environment,
			SharedInfrastructure infrastructure) {
		Map<String, String> env = new HashMap<>(environment);
		env.put("MONGODB_URI", infrastructure.mongoConnectionString() + "/" + prefix + name.replace("-service", ""));
		long earlier = this.processes.stream().filter(process -> process.name().equals(name)).count();
		Path log = this.home.resolve("logs").resolve(name + (earlier == 0 ? "" : "-" + (earlier + 1)) + ".log");
		ServiceProcess process = ServiceProcess.start(name, jars.resolve(name + ".jar"), port, env, log);
		this.processes.add(process);
		this.launches.putIfAbsent(name, () -> ServiceProcess.start(name, jars.resolve(name + ".jar"), port, env, log));
		return process;
	}

	/** Kills one instance of a service (counting from 0) with SIGKILL. */
	void killInstance(String name, int instance) {
		this.processes.stream().filter(process -> process.name().equals(name)).toList().get(instance).kill();
	}

	/** Kills a service with SIGKILL, as a crash would. */
	void kill(String name) {
		process(name).kill();
	}

	/**
	 * Starts a service again, as it was started first, on the same port and data, and
	 * waits until it is healthy.
	 */
	void restart(String name) {
		ServiceProcess old = process(name);
		old.kill();
		ServiceProcess started = this.launches.get(name).get();
		this.processes.set(this.processes.indexOf(old), started);
		started.awaitHealthy(Duration.ofMinutes(2));
	}

	private ServiceProcess process(String name) {
		return this.processes.stream()
			.filter(process -> process.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + name));
	}

	private static List<Integer> ports(int instances) {
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			ports.add(FreePort.find());
		}
		return ports;
	}

	/** The instances' addresses as the gateway reads them: comma-separated. */
	private static String urls(List<Integer> ports) {
		return String.join(",", ports.stream().map(port -> "http://127.0.0.1:" + port).toList());
	}

	/** Where each instance of a service answers. */
	List<String> instances(String name) {
		return this.processes.stream()
			.filter(process -> process.name().equals(name))
			.map(ServiceProcess::baseUrl)
			.toList();
	}

	String topicPrefix() {
		return this.topicPrefix;
	}

	String site() {
		return this.gateway.baseUrl();
	}

	/**
	 * Where a service answers directly, past the gateway: {@code catalog-service} and so
	 * on.
	 */
	String service(String name) {
		return this.processes.stream()
			.filter(process -> process.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + name))
			.baseUrl();
	}

	/** The installation's password for the metrics scrape. */
	String scrapePassword() {
		return InstallationSecrets.readOrCreate(this.home.resolve("keys/metrics-scrape-password"));
	}

	Path demoStaffFile() {
		return this.home.resolve("demo-staff.txt");
	}

	Path signingKeyFile() {
		return this.home.resolve("keys/signing-key.json");
	}

	/** The password the gateway generated for a demo staff member. */
	String demoPassword(String email) throws IOException {
		return Files.readAllLines(demoStaffFile())
			.stream()
			.filter(line -> !line.startsWith("#") && line.contains(" " + email + " "))
			.map(line -> line.substring(line.lastIndexOf(' ') + 1))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No demo staff member " + email));
	}

	/** Moves the clocks of booking-service and the gateway (not notification-service). */
	void shiftClock(Duration offset) throws IOException {
		Files.writeString(clockOffsetFile(), offset.toString());
	}

	private Path clockOffsetFile() {
		return this.home.resolve("clock-offset.txt");
	}

	@Override
	public void close() {
		this.processes.forEach(ServiceProcess::requestStop);
		this.processes.forEach(ServiceProcess::close);
	}

}
