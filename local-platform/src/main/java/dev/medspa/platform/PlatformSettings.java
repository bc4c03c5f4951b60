package dev.medspa.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local platform keeps its data and which ports it uses; every value can be
 * changed through an environment variable of the same name.
 *
 * @param home the folder of data, mail and logs ({@code MEDSPA_HOME}, default
 * {@code .local})
 * @param services the folder of the services' executable jars ({@code SERVICES_DIR})
 */
record PlatformSettings(Path home, Path services, int kafkaPort, int kafkaControllerPort, int mongoPort, int smtpPort,
		int imapPort, int catalogPort, int bookingPort, int notificationPort) {

	static PlatformSettings fromEnvironment(Map<String, String> env) {
		return new PlatformSettings(Path.of(env.getOrDefault("MEDSPA_HOME", ".local")),
				Path.of(env.getOrDefault("SERVICES_DIR", "local-platform/target/services")),
				port(env, "KAFKA_PORT", 9092), port(env, "KAFKA_CONTROLLER_PORT", 9093),
				port(env, "MONGODB_PORT", 27017), port(env, "SMTP_PORT", 3025), port(env, "IMAP_PORT", 3143),
				port(env, "CATALOG_PORT", 8081), port(env, "BOOKING_PORT", 8082), port(env, "NOTIFICATION_PORT", 8083));
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
		}
	}

	Path data() {
		return this.home.resolve("data");
	}

	Path mail() {
		return this.home.resolve("mail");
	}

	/** Where the notification service's SMS sink writes the texts it would send. */
	Path sms() {
		return this.home.resolve("sms");
	}

	Path logs() {
		return this.home.resolve("logs");
	}

	Path pidFile() {
		return this.home.resolve("run").resolve("platform.pids");
	}

}
