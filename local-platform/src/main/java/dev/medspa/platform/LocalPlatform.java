package dev.medspa.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.medspa.infrastructure.KafkaBroker;
import dev.medspa.infrastructure.MailServer;
import dev.medspa.infrastructure.MongoWireServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's run command: starts Kafka (KRaft), the MongoDB-wire store on a file, the
 * SMTP server and the three services, waits until all are healthy, prints where to look,
 * and stops everything on Ctrl-C. Data lives under {@code .local/} and survives restarts,
 * {@code kill -9} included.
 */
public final class LocalPlatform {

	private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

	private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

	private final PlatformSettings settings;

	private final List<AutoCloseable> running = new ArrayList<>();

	/** How many processes of each service (not the gateway) run side by side. */
	private final int instances;

	private LocalPlatform(PlatformSettings settings, int instances) {
		this.settings = settings;
		this.instances = instances;
	}

	/**
	 * @param args {@code --instances N} runs N processes of each service behind the
	 * gateway (1 by default); the extra ones answer on the service's port plus 100, 200
	 * and so on
	 */
	public static void main(String[] args) throws InterruptedException {
		int instances = instances(args);
		LocalPlatform platform = new LocalPlatform(PlatformSettings.fromEnvironment(System.getenv()), instances);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			platform.stop();
			stopped.countDown();
		}, "platform-stop"));
		try {
			platform.start();
		}
		catch (RuntimeException ex) {
			log.error("The platform did not start: {}", ex.getMessage());
			System.exit(1);
		}
		stopped.await();
	}

	private void start() {
		PidFile pids = new PidFile(this.settings.pidFile());
		pids.runningLauncher().ifPresent(launcher -> {
			throw new IllegalStateException("The platform is already running (pid " + launcher.pid() + ")");
		});
		List<String> leftovers = pids.stopLeftovers();
		if (!leftovers.isEmpty()) {
			log.info("Stopped what an earlier run left behind: {}", leftovers);
		}

		MongoWireServer mongo = MongoWireServer.onFile(this.settings.data().resolve("mongo.mv"),
				this.settings.mongoPort());
		this.running.add(mongo);
		MailServer mail = MailServer.start(this.settings.smtpPort(), this.settings.imapPort());
		this.running.add(mail);
		this.running.add(new MailArchive(mail, this.settings.mail()));
		KafkaBroker kafka = KafkaBroker.start(this.settings.data().resolve("kafka"), this.settings.kafkaPort(),
				this.settings.kafkaControllerPort());
		this.running.add(kafka);

		List<ServiceProcess> services = new ArrayList<>();
		services.add(service("gateway", this.settings.gatewayPort(), kafka, mongo, mail, gatewayEnvironment()));
		String manageLinkKey = InstallationSecrets.readOrCreate(this.settings.manageLinkKey());
		for (int instance = 0; instance < this.instances; instance++) {
			services.add(service("catalog-service", port(this.settings.catalogPort(), instance), kafka, mongo, mail,
					Map.of("CATALOG_DEMO_DATA", "true")));
			services.add(service("booking-service", port(this.settings.bookingPort(), instance), kafka, mongo, mail,
					Map.of("MANAGE_LINK_KEYS", manageLinkKey, "PAYMENTS_DIRECTORY",
							this.settings.payments().toAbsolutePath().normalize().toString(), "BOOKING_DEMO_POLICIES",
							System.getenv().getOrDefault("BOOKING_DEMO_POLICIES", "true"))));
		}
		Map<String, String> notification = new HashMap<>();
		notification.put("SMS_SINK_DIRECTORY", this.settings.sms().toAbsolutePath().normalize().toString());
		notification.put("MANAGE_URL", siteUrl() + "/manage/");
		notification.put("BOOKING_URL", siteUrl() + "/book");
		notification.put("WAITLIST_URL", siteUrl() + "/waitlist/");
		notification.put("OFFER_URL", siteUrl() + "/offer/");
		notification.put("FORMS_URL", siteUrl() + "/forms/");
		// webhooks may reach receivers on this machine, over plain http
		notification.put("WEBHOOK_ALLOWED_HOSTS", "127.0.0.1,localhost");
		notification.put("UNSUBSCRIBE_URL", siteUrl() + "/api/unsubscribe/");
		notification.put("MANAGE_LINK_KEYS", manageLinkKey);
		notification.put("UNSUBSCRIBE_SECRET", InstallationSecrets.readOrCreate(this.settings.unsubscribeSecret()));
		for (int instance = 0; instance < this.instances; instance++) {
			services.add(service("notification-service", port(this.settings.notificationPort(), instance), kafka, mongo,
					mail, notification));
		}
		// one instance: forms are filled in once per visit, far from the booking path
		services.add(service("intake-service", this.settings.intakePort(), kafka, mongo, mail,
				Map.of("MANAGE_LINK_KEYS", manageLinkKey, "INTAKE_DEMO_FORMS", "true")));
		pids.write(services);
		for (ServiceProcess service : services) {
			service.awaitHealthy(HEALTHY_WITHIN);
			log.info("{} is up at {}", service.name(), service.baseUrl());
		}
		System.out.println(banner(kafka, mongo, mail));
	}

	private ServiceProcess service(String name, int port, KafkaBroker kafka, MongoWireServer mongo, MailServer mail,
			Map<String, String> extra) {
		Map<String, String> env = new HashMap<>(extra);
		env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
		env.put("MONGODB_URI", mongo.connectionString() + "/" + name.replace("-service", ""));
		env.put("SMTP_HOST", "127.0.0.1");
		env.put("SMTP_PORT", String.valueOf(mail.smtpPort()));
		env.put("BOOKING_DEMO_DATA", "true");
		env.put("API_DOCS_ENABLED", "true");
		env.put("STAFF_JWK_SET_URI", siteUrl() + "/oauth2/jwks");
		env.put("STAFF_TOKEN_ISSUER", siteUrl());
		env.put("METRICS_SCRAPE_PASSWORD", InstallationSecrets.readOrCreate(this.settings.metricsScrapePassword()));
		boolean another = !name.equals("gateway") && port != basePort(name);
		ServiceProcess process = ServiceProcess.start(name, this.settings.services().resolve(name + ".jar"), port, env,
				this.settings.logs().resolve(name + (another ? "-" + port : "") + ".log"));
		this.running.add(process);
		return process;
	}

	private Map<String, String> gatewayEnvironment() {
		Map<String, String> env = new HashMap<>();
		env.put("GATEWAY_URL", siteUrl());
		env.put("CATALOG_URL", urls(this.settings.catalogPort()));
		env.put("BOOKING_SERVICE_URL", urls(this.settings.bookingPort()));
		env.put("NOTIFICATION_URL", urls(this.settings.notificationPort()));
		env.put("INTAKE_URL", "http://127.0.0.1:" + this.settings.intakePort());
		env.put("IDENTITY_SIGNING_KEY_FILE", this.settings.signingKey().toAbsolutePath().normalize().toString());
		env.put("DEMO_STAFF_FILE", this.settings.demoStaff().toAbsolutePath().normalize().toString());
		return env;
	}

	/** The instances' addresses, comma-separated, as the gateway reads them. */
	private String urls(int basePort) {
		List<String> urls = new ArrayList<>();
		for (int instance = 0; instance < this.instances; instance++) {
			urls.add("http://127.0.0.1:" + port(basePort, instance));
		}
		return String.join(",", urls);
	}

	private static int port(int basePort, int instance) {
		return basePort + 100 * instance;
	}

	private int basePort(String service) {
		return switch (service) {
			case "catalog-service" -> this.settings.catalogPort();
			case "booking-service" -> this.settings.bookingPort();
			case "notification-service" -> this.settings.notificationPort();
			case "intake-service" -> this.settings.intakePort();
			default -> this.settings.gatewayPort();
		};
	}

	static int instances(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--instances") && i + 1 < args.length) {
				int instances = Integer.parseInt(args[i + 1]);
				if (instances < 1 || instances > 9) {
					throw new IllegalArgumentException("--instances takes 1 to 9");
				}
				return instances;
			}
		}
		return 1;
	}

	private String siteUrl() {
		return "http://127.0.0.1:" + this.settings.gatewayPort();
	}

	private String banner(KafkaBroker kafka, MongoWireServer mongo, MailServer mail) {
		return """

				  The medspa booking platform is running. Ctrl-C stops it; data stays in %1$s.

				  The site              %13$s/   (clients book here; staff sign in at %13$s/staff)
				  APIs                  %13$s/api/...  (routed to the services below)
				%11$s
				  catalog-service       http://127.0.0.1:%2$d/api/treatments   (API docs: /swagger-ui.html)
				  booking-service       http://127.0.0.1:%3$d/api/bookings     (API docs: /swagger-ui.html)
				  notification-service  http://127.0.0.1:%4$d/api/staff/notifications?booking=<id>  (staff token: %13$s/staff/api-token)
				  intake-service        http://127.0.0.1:%17$d/api/staff/forms   (health answers: its own database, intake)
				  Kafka                 %5$s
				  MongoDB               %6$s  (databases catalog, booking, notification, intake, gateway)
				  SMTP                  127.0.0.1:%7$d; every mail received is saved in %8$s
				                        and readable over IMAP at 127.0.0.1:%9$d (user and password: the recipient)
				  SMS                   not sent for real; each text is appended to %12$s
				  Payments              no card is charged; the local provider writes each deposit, fee and refund to
				                        %16$s
				  Service logs          %10$s
				  Metrics               <service>/actuator/prometheus, HTTP Basic as prometheus with the password in
				                        %14$s
				  Instances             %15$s

				"""
			.formatted(this.settings.home().toAbsolutePath().normalize(), this.settings.catalogPort(),
					this.settings.bookingPort(), this.settings.notificationPort(), kafka.bootstrapServers(),
					mongo.connectionString(), mail.smtpPort(), this.settings.mail().toAbsolutePath().normalize(),
					mail.imapPort(), this.settings.logs().toAbsolutePath().normalize(), demoStaff(),
					this.settings.sms().resolve("sms.jsonl").toAbsolutePath().normalize(), siteUrl(),
					this.settings.metricsScrapePassword().toAbsolutePath().normalize(),
					this.instances == 1 ? "one of each service (--instances N for more)"
							: this.instances
									+ " of each service behind the gateway, on the ports above plus 100, 200, ...",
					this.settings.payments().resolve("payments.jsonl").toAbsolutePath().normalize(),
					this.settings.intakePort());
	}

	/** The demo staff sign-ins, generated by the gateway on the first start. */
	private String demoStaff() {
		try {
			List<String> lines = java.nio.file.Files.readAllLines(this.settings.demoStaff());
			StringBuilder text = new StringBuilder("\n  Demo staff sign-ins (generated on the first start, kept in ")
				.append(this.settings.demoStaff().toAbsolutePath().normalize())
				.append("):\n");
			lines.stream()
				.filter(line -> !line.startsWith("#"))
				.forEach(line -> text.append("    ").append(line).append('\n'));
			return text.toString();
		}
		catch (java.io.IOException ex) {
			return "\n  No demo staff file at " + this.settings.demoStaff() + "; staff accounts exist already.\n";
		}
	}

	/** Stops the services first, then the infrastructure they use. */
	private void stop() {
		log.info("Stopping the platform");
		List<AutoCloseable> reversed = new ArrayList<>(this.running);
		java.util.Collections.reverse(reversed);
		List<ServiceProcess> services = reversed.stream()
			.filter(ServiceProcess.class::isInstance)
			.map(ServiceProcess.class::cast)
			.toList();
		services.forEach(ServiceProcess::requestStop);
		services.forEach(LocalPlatform::closeQuietly);
		reversed.stream().filter(part -> !(part instanceof ServiceProcess)).forEach(LocalPlatform::closeQuietly);
		new PidFile(this.settings.pidFile()).delete();
	}

	private static void closeQuietly(AutoCloseable part) {
		try {
			part.close();
		}
		catch (Exception ex) {
			log.warn("Stopping {} failed: {}", part, ex.toString());
		}
	}

}
